/* Built -O1 -g, then stripped the way Fedora's find-debuginfo does: the debug information goes to a separate
 * file named by .gnu_debuglink, and the static functions' symbols stay in the binary as MiniDebugInfo
 * (.gnu_debugdata). main -> parse_record -> store_field writes through a null pointer. */
#include <stddef.h>

volatile int sink;

__attribute__((noinline)) static void store_field(int *field, int value)
{
    *field = value;
    sink = value;
}

__attribute__((noinline)) static int parse_record(int *fields, int count)
{
    for (int i = 0; i < count; i++)
        store_field(i == 2 ? NULL : &fields[i], i * 7);
    sink = count;
    return count;
}

int main(void)
{
    int fields[4];
    return parse_record(fields, 4);
}
