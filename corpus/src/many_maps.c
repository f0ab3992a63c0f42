/* Creates N (default 20000) one-page anonymous mappings with alternating
 * protections (rw- / r--) inside a PROT_NONE reservation, so that adjacent
 * mappings cannot merge, touches the writable ones, writes ./ready and sleeps.
 * Used for the benchmark captures (maps and smaps of 20,000+ regions). */
#include "corpus.h"
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

int main(int argc, char **argv)
{
    long count = argc > 1 ? atol(argv[1]) : 20000;
    long page = sysconf(_SC_PAGESIZE);
    char *base = mmap(NULL, (size_t)((count + 2) * page), PROT_NONE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (base == MAP_FAILED) {
        perror("mmap reservation");
        return 1;
    }
    for (long i = 0; i < count; i++) {
        char *address = base + (i + 1) * page;
        int protection = i % 2 == 0 ? PROT_READ | PROT_WRITE : PROT_READ;
        if (mmap(address, (size_t)page, protection, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED) {
            perror("mmap");
            return 1;
        }
        if (protection & PROT_WRITE)
            address[0] = 'M';
    }
    corpus_touch("ready");
    for (;;)
        pause();
}
