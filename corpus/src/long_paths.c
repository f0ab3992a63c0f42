/* Loads two shared libraries (argv[1], argv[2]) of one deep folder whose paths are longer than the
 * 1024-byte line buffer procps pmap reads /proc/PID/maps and smaps with, calls each, writes
 * ./long-paths-info.txt (pid, and where each library's function is) and ./ready, then sleeps.
 * The libraries are long_paths_library.c built twice, with WHICH 1 and 2. */
#include "corpus.h"
#include <dlfcn.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 3)
        return 2;
    FILE *info = fopen("long-paths-info.txt", "w");
    fprintf(info, "pid=%d\n", getpid());
    for (int i = 1; i <= 2; i++) {
        void *library = dlopen(argv[i], RTLD_NOW);
        int (*which)(void) = library ? (int (*)(void))dlsym(library, "long_paths_which") : NULL;
        if (which == NULL) {
            fprintf(stderr, "%s\n", dlerror());
            return 1;
        }
        fprintf(info, "library%d=%d at %p, path of %zu characters\n", i, which(), (void *)which, strlen(argv[i]));
    }
    fclose(info);
    corpus_touch("ready");
    for (;;)
        pause();
}
