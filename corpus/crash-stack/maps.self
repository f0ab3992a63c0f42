55742a5af000-55742a5b0000 r--p 00000000 fe:00 11657969                   /tmp/forensics-corpus/bin/crash_stack
55742a5b0000-55742a5b1000 r-xp 00001000 fe:00 11657969                   /tmp/forensics-corpus/bin/crash_stack
55742a5b1000-55742a5b2000 r--p 00002000 fe:00 11657969                   /tmp/forensics-corpus/bin/crash_stack
55742a5b2000-55742a5b3000 r--p 00002000 fe:00 11657969                   /tmp/forensics-corpus/bin/crash_stack
55742a5b3000-55742a5b4000 rw-p 00003000 fe:00 11657969                   /tmp/forensics-corpus/bin/crash_stack
55742a5b4000-55742a5c4000 rw-p 00000000 00:00 0 
55744ccc7000-55744cce8000 rw-p 00000000 00:00 0                          [heap]
7f9f6ee5f000-7f9f6ee62000 rw-p 00000000 00:00 0 
7f9f6ee62000-7f9f6ee88000 r--p 00000000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f9f6ee88000-7f9f6efde000 r-xp 00026000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f9f6efde000-7f9f6f031000 r--p 0017c000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f9f6f031000-7f9f6f035000 r--p 001cf000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f9f6f035000-7f9f6f037000 rw-p 001d3000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f9f6f037000-7f9f6f044000 rw-p 00000000 00:00 0 
7f9f6f04d000-7f9f6f04f000 rw-p 00000000 00:00 0 
7f9f6f04f000-7f9f6f053000 r--p 00000000 00:00 0                          [vvar]
7f9f6f053000-7f9f6f055000 r--p 00000000 00:00 0                          [vvar_vclock]
7f9f6f055000-7f9f6f057000 r-xp 00000000 00:00 0                          [vdso]
7f9f6f057000-7f9f6f058000 r--p 00000000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f9f6f058000-7f9f6f07e000 r-xp 00001000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f9f6f07e000-7f9f6f088000 r--p 00027000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f9f6f088000-7f9f6f08a000 r--p 00031000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f9f6f08a000-7f9f6f08c000 rw-p 00033000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7fff2e2f0000-7fff2eaf0000 rw-p 00000000 00:00 0                          [stack]
ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]
