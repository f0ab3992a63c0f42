/* A library long_paths loads twice, built with -DWHICH=1 and -DWHICH=2 (two files, two build-ids). */
int long_paths_which(void);

int long_paths_which(void)
{
    return WHICH;
}
