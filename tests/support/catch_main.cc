// The one Catch2 main of naast-tests (compiled once: catch.hpp is heavy).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
