/* Writes N (default 4096) pseudo-random bytes from a fixed-seed xorshift64
 * generator, so the "random bytes" bad input is the same on every machine. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    long count = argc > 1 ? atol(argv[1]) : 4096;
    uint64_t state = 0x9e3779b97f4a7c15ULL;
    for (long i = 0; i < count; i++) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        putchar((int)(state >> 56));
    }
    return 0;
}
