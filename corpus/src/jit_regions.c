/* A JIT-like process: maps N (default 300) separate one-page anonymous read-write-execute
 * regions, one page apart inside a PROT_NONE reservation (so that no two merge), writes a
 * small function into each ("mov eax, index; ret") and calls it, writes ./jit-info.txt
 * (pid, count, the first and last region) and ./ready, then sleeps. */
#include "corpus.h"
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

int main(int argc, char **argv)
{
    long count = argc > 1 ? atol(argv[1]) : 300;
    long page = sysconf(_SC_PAGESIZE);
    char *base = mmap(NULL, (size_t)((2 * count + 1) * page), PROT_NONE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (base == MAP_FAILED) {
        perror("mmap reservation");
        return 1;
    }
    long sum = 0;
    for (long i = 0; i < count; i++) {
        unsigned char *code = (unsigned char *)base + (2 * i + 1) * page;
        if (mmap(code, (size_t)page, PROT_READ | PROT_WRITE | PROT_EXEC,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED) {
            perror("mmap");
            return 1;
        }
        code[0] = 0xb8; /* mov eax, imm32 */
        memcpy(code + 1, &(int){ (int)i }, 4);
        code[5] = 0xc3; /* ret */
        sum += ((int (*)(void))(void *)code)();
    }
    FILE *info = fopen("jit-info.txt", "w");
    fprintf(info, "pid=%d\ncount=%ld\nfirst=%p\nlast=%p\nsum=%ld\n", getpid(), count,
            (void *)(base + page), (void *)(base + (2 * count - 1) * page), sum);
    fclose(info);
    corpus_touch("ready");
    for (;;)
        pause();
}
