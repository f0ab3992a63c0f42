/* Unbounded recursion on the main thread. A SIGSEGV handler running on an
 * alternate stack saves the fault address and /proc/self/maps at the moment of
 * the fault, restores the default action and returns: the faulting access runs
 * again and the kernel writes ./core. */
#include "corpus.h"
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

static volatile long depth;

static char *append_hex(char *out, unsigned long value)
{
    char digits[17];
    int count = 0;
    do {
        digits[count++] = "0123456789abcdef"[value & 15];
        value >>= 4;
    } while (value != 0);
    *out++ = '0';
    *out++ = 'x';
    while (count > 0)
        *out++ = digits[--count];
    return out;
}

static void on_fault(int signal_number, siginfo_t *info, void *context)
{
    (void)signal_number;
    (void)context;
    char text[64] = "si_addr=";
    char *end = append_hex(text + 8, (unsigned long)info->si_addr);
    *end++ = '\n';
    int fd = open("fault.self", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        (void)!write(fd, text, (size_t)(end - text));
        close(fd);
    }
    corpus_copy_file("/proc/self/maps", "maps.self");
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigaction(SIGSEGV, &action, NULL);
}

/* The recursion is the point of this program. */
#pragma GCC diagnostic ignored "-Winfinite-recursion"
__attribute__((noinline)) static long recurse(long level)
{
    volatile char frame[512];
    frame[0] = (char)level;
    depth = level;
    return recurse(level + 1) + frame[0]; /* not a tail call */
}

int main(void)
{
    size_t alternate_size = 64 * 1024;
    stack_t alternate = { .ss_sp = malloc(alternate_size), .ss_size = alternate_size, .ss_flags = 0 };
    sigaltstack(&alternate, NULL);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_fault;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigaction(SIGSEGV, &action, NULL);

    FILE *info = fopen("crash-info.txt", "w");
    fprintf(info, "pid=%d\nexpected=SIGSEGV in the stack guard gap (recursion)\n", getpid());
    fclose(info);
    return (int)recurse(0);
}
