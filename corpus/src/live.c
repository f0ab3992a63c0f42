/* A live process with the usual kinds of memory, captured by every tool at one
 * moment: a brk heap chunk and an mmap'd malloc chunk, two named worker threads,
 * an anonymous RWX mapping, a shared mapping of a file that is then unlinked
 * (" (deleted)"), a memfd mapping and shared anonymous memory ("/dev/zero
 * (deleted)"). Writes live-info.txt with the addresses, then ./ready, then sleeps. */
#include "corpus.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

static pthread_barrier_t started;
static long worker_tids[2];

static void *worker(void *argument)
{
    static const char *const names[] = { "live-worker-1", "live-worker-2" };
    long index = (long)argument;
    pthread_setname_np(pthread_self(), names[index]);
    worker_tids[index] = corpus_tid();
    pthread_barrier_wait(&started);
    for (;;)
        pause();
    return NULL;
}

static void *map_file(const char *path, size_t length, int unlink_after)
{
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    if (fd < 0 || ftruncate(fd, (off_t)length) != 0)
        return MAP_FAILED;
    char *address = mmap(NULL, length, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (address != MAP_FAILED)
        strcpy(address, "LIVE_FILE_MARKER");
    close(fd);
    if (unlink_after)
        unlink(path);
    return address;
}

int main(void)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);

    char *small = malloc(1000);
    strcpy(small, "LIVE_SMALL_HEAP_MARKER");
    char *big = malloc(1 << 20);
    memset(big, 'B', 1 << 20);

    unsigned char *rwx = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE | PROT_EXEC,
                              MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    rwx[0] = 0xc3; /* ret */

    char *deleted = map_file("live-deleted.dat", 2 * page, 1);

    int memfd = memfd_create("live-memfd", 0);
    char *memfd_map = MAP_FAILED;
    if (memfd >= 0 && ftruncate(memfd, (off_t)(3 * page)) == 0) {
        memfd_map = mmap(NULL, 3 * page, PROT_READ | PROT_WRITE, MAP_SHARED, memfd, 0);
        if (memfd_map != MAP_FAILED)
            strcpy(memfd_map, "LIVE_MEMFD_MARKER");
    }

    char *shared_anon = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    strcpy(shared_anon, "LIVE_SHARED_ANON_MARKER");

    pthread_barrier_init(&started, NULL, 3);
    pthread_t threads[2];
    for (long i = 0; i < 2; i++)
        pthread_create(&threads[i], NULL, worker, (void *)i);
    pthread_barrier_wait(&started);

    FILE *info = fopen("live-info.txt", "w");
    fprintf(info,
            "pid=%d\n"
            "tids=%d %ld %ld\n"
            "malloc_small=%p size=1000\n"
            "malloc_big=%p size=1048576\n"
            "rwx_anon=%p size=%zu\n"
            "deleted_file=%p size=%zu name=live-deleted.dat\n"
            "memfd=%p size=%zu name=live-memfd\n"
            "shared_anon=%p size=%zu\n",
            getpid(), getpid(), worker_tids[0], worker_tids[1], (void *)small, (void *)big,
            (void *)rwx, 2 * page, (void *)deleted, 2 * page, (void *)memfd_map, 3 * page,
            (void *)shared_anon, 2 * page);
    fclose(info);
    corpus_touch("ready");
    for (;;)
        pause();
}
