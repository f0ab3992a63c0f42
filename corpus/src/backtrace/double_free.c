/* Frees the same block twice while a second thread waits: glibc aborts. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void *waiter(void *argument)
{
    (void)argument;
    for (;;)
        pause();
    return NULL;
}

__attribute__((noinline)) static void release(char *block)
{
    free(block);
}

int main(void)
{
    pthread_t thread;
    pthread_create(&thread, NULL, waiter, NULL);
    char *block = malloc(64);
    strcpy(block, "DOUBLE_FREE_MARKER");
    release(block);
    release(block);
    return 0;
}
