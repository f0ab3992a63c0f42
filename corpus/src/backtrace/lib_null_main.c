/* Calls into libnull.so with a null pointer: SIGSEGV inside the library, called from main. */
#include <stddef.h>

struct record;
int libnull_read_value(struct record *r);

int main(void)
{
    return libnull_read_value(NULL);
}
