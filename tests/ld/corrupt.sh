corrupt_tests() { :; }
