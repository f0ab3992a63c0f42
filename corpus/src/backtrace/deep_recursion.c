/* Recurses until the stack runs out (the depth limit is never reached), each frame holding
 * 1 KiB: SIGSEGV in the stack guard gap. */
#include <string.h>

__attribute__((noinline)) static int recurse(int depth)
{
    volatile char frame[1024];
    memset((char *)frame, depth & 0xff, sizeof frame);
    if (depth > 1000000000)
        return 0;
    return recurse(depth + 1) + frame[depth % sizeof frame];
}

int main(void)
{
    return recurse(0);
}
