/* Saves /proc/self/maps to ./maps.self, then fails an assert(): glibc prints the message, keeps it in
 * __abort_msg and calls abort(): SIGABRT and ./core. */
#include "corpus.h"
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

static int checked_length(const char *text)
{
    assert(text != NULL && "a name is required");
    return (int)strlen(text);
}

int main(int argc, char **argv)
{
    (void)argv;
    FILE *info = fopen("crash-info.txt", "w");
    fprintf(info, "pid=%d\nexpected=SIGABRT from a failed assert() in checked_length\n", getpid());
    fclose(info);
    corpus_copy_file("/proc/self/maps", "maps.self");
    return checked_length(argc > 5 ? "unused" : NULL);
}
