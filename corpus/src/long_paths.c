/* Maps two files of one deep folder whose path is longer than the 1024-byte line buffer
 * procps pmap reads /proc/PID/maps and smaps with: argv[1] and argv[2] are the two files.
 * Writes ./long-paths-info.txt (pid and where each file is mapped) and ./ready, then sleeps. */
#include "corpus.h"
#include <stdio.h>
#include <sys/mman.h>

int main(int argc, char **argv)
{
    if (argc != 3)
        return 2;
    FILE *info = fopen("long-paths-info.txt", "w");
    fprintf(info, "pid=%d\n", getpid());
    for (int i = 1; i <= 2; i++) {
        int fd = open(argv[i], O_RDONLY | O_CLOEXEC);
        void *mapping = fd < 0 ? MAP_FAILED : mmap(NULL, 8192, PROT_READ, MAP_PRIVATE, fd, 0);
        if (mapping == MAP_FAILED) {
            perror(argv[i]);
            return 1;
        }
        fprintf(info, "file%d=%p %zu\n", i, mapping, strlen(argv[i]));
    }
    fclose(info);
    corpus_touch("ready");
    for (;;)
        pause();
}
