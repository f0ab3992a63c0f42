/* Built with -O2 -fomit-frame-pointer: main -> first -> second -> third -> abort(). The
 * functions are kept out of line and do work after each call, so no call becomes a jump. */
#include <stdlib.h>

volatile int sink;

__attribute__((noinline)) static int third(int depth)
{
    if (depth > 0)
        abort();
    return sink;
}

__attribute__((noinline)) static int second(int depth)
{
    int result = third(depth + 1);
    sink = result;
    return result + 1;
}

__attribute__((noinline)) static int first(int depth)
{
    int result = second(depth + 1);
    sink = result;
    return result + 2;
}

int main(int argc, char **argv)
{
    (void)argv;
    int result = first(argc);
    sink = result;
    return result;
}
