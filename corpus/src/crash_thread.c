/* A multi-threaded crash: two waiter threads block on a condition variable
 * while a third thread writes to a read-only anonymous page (SIGSEGV,
 * SEGV_ACCERR). The faulting thread saves /proc/self/maps to ./maps.self
 * first. The kernel writes ./core with one NT_PRSTATUS per thread. */
#include "corpus.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t never = PTHREAD_COND_INITIALIZER;
static pthread_barrier_t started;
static int waiting;
static long tids[3];
static volatile char *read_only_page;

static void *waiter(void *argument)
{
    static const char *const names[] = { "waiter-0", "waiter-1" };
    long index = (long)argument;
    pthread_setname_np(pthread_self(), names[index]);
    tids[index] = corpus_tid();
    pthread_barrier_wait(&started);
    pthread_mutex_lock(&lock);
    waiting++;
    for (;;)
        pthread_cond_wait(&never, &lock);
    return NULL;
}

static void *faulter(void *argument)
{
    (void)argument;
    pthread_setname_np(pthread_self(), "faulter");
    tids[2] = corpus_tid();
    pthread_barrier_wait(&started);
    /* Holding the lock with waiting == 2 means both waiters released it inside
     * pthread_cond_wait, so they are blocked there when the fault happens. */
    struct timespec pause_time = { 0, 1000 * 1000 };
    for (;;) {
        pthread_mutex_lock(&lock);
        int both = waiting == 2;
        pthread_mutex_unlock(&lock);
        if (both)
            break;
        nanosleep(&pause_time, NULL);
    }
    FILE *info = fopen("crash-info.txt", "w");
    fprintf(info, "pid=%d\nmain_tid=%d\nwaiter_tids=%ld %ld\nfaulting_tid=%ld\nread_only_page=%p\n"
            "expected=SIGSEGV (SEGV_ACCERR) write to the read-only page in thread %ld\n",
            getpid(), getpid(), tids[0], tids[1], tids[2], (void *)read_only_page, tids[2]);
    fclose(info);
    corpus_copy_file("/proc/self/maps", "maps.self");
    read_only_page[8] = 1;
    return NULL;
}

int main(void)
{
    read_only_page = mmap(NULL, (size_t)sysconf(_SC_PAGESIZE), PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    pthread_barrier_init(&started, NULL, 3);
    pthread_t threads[3];
    pthread_create(&threads[0], NULL, waiter, (void *)0);
    pthread_create(&threads[1], NULL, waiter, (void *)1);
    pthread_create(&threads[2], NULL, faulter, NULL);
    for (int i = 0; i < 3; i++)
        pthread_join(threads[i], NULL);
    return 0;
}
