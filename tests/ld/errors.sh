error_tests() { :; }
