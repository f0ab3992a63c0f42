/* A small program whose stripped binary is the "ELF that is not a core" bad input. */
#include <stdio.h>

int main(void)
{
    puts("not a core");
    return 0;
}
