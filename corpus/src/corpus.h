/* Helpers shared by the corpus programs. The ones used right before a crash or
 * inside a signal handler use raw system calls only, so they neither allocate
 * nor create mappings and the saved maps matches the core. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* Copies a file (for example /proc/self/maps) with a static buffer. */
static __attribute__((unused)) int corpus_copy_file(const char *source, const char *target)
{
    static char buffer[65536];
    int in = open(source, O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return -1;
    int out = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (out < 0) {
        close(in);
        return -1;
    }
    for (;;) {
        ssize_t count = read(in, buffer, sizeof buffer);
        if (count < 0 && errno == EINTR)
            continue;
        if (count <= 0)
            break;
        for (ssize_t done = 0; done < count;) {
            ssize_t written = write(out, buffer + done, (size_t)(count - done));
            if (written < 0 && errno == EINTR)
                continue;
            if (written < 0)
                break;
            done += written;
        }
    }
    close(in);
    fsync(out);
    close(out);
    return 0;
}

/* Writes a small marker file the script waits for. */
static __attribute__((unused)) void corpus_touch(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd >= 0) {
        (void)!write(fd, "ready\n", 6);
        close(fd);
    }
}

/* Waits until the script creates a file. */
static __attribute__((unused)) void corpus_wait_for(const char *path)
{
    struct timespec pause_time = { 0, 20 * 1000 * 1000 };
    while (access(path, F_OK) != 0)
        nanosleep(&pause_time, NULL);
}

static __attribute__((unused)) long corpus_tid(void)
{
    return syscall(SYS_gettid);
}
