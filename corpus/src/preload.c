/* A small shared library loaded with LD_PRELOAD; its constructor leaves a mark
 * in its writable data so the library has a data and a bss mapping. */
static char preload_mark[64];
static char preload_bss[8192];

__attribute__((constructor)) static void preload_init(void)
{
    preload_mark[0] = 'P';
    preload_bss[4096] = 'B';
}

int preload_answer(void)
{
    return 42 + preload_mark[0] + preload_bss[4096];
}
