/* Built with -m32: a function called from main writes through a null pointer. */
#include <stddef.h>

struct record {
    int id;
    int value;
};

__attribute__((noinline)) static void store(struct record *record, int value)
{
    record->value = value;
}

int main(void)
{
    store(NULL, 7);
    return 0;
}
