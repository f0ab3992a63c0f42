555555554000-555555555000 r--p 00000000 fe:00 11673677                   /tmp/forensics-corpus/bin/crash_null
555555555000-555555556000 r-xp 00001000 fe:00 11673677                   /tmp/forensics-corpus/bin/crash_null
555555556000-555555557000 r--p 00002000 fe:00 11673677                   /tmp/forensics-corpus/bin/crash_null
555555557000-555555558000 r--p 00002000 fe:00 11673677                   /tmp/forensics-corpus/bin/crash_null
555555558000-555555559000 rw-p 00003000 fe:00 11673677                   /tmp/forensics-corpus/bin/crash_null
555555559000-555555569000 rw-p 00000000 00:00 0 
555555569000-55555558a000 rw-p 00000000 00:00 0                          [heap]
7ffff7dd1000-7ffff7dd4000 rw-p 00000000 00:00 0 
7ffff7dd4000-7ffff7dfa000 r--p 00000000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7ffff7dfa000-7ffff7f50000 r-xp 00026000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7ffff7f50000-7ffff7fa3000 r--p 0017c000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7ffff7fa3000-7ffff7fa7000 r--p 001cf000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7ffff7fa7000-7ffff7fa9000 rw-p 001d3000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7ffff7fa9000-7ffff7fb6000 rw-p 00000000 00:00 0 
7ffff7fc0000-7ffff7fc2000 rw-p 00000000 00:00 0 
7ffff7fc2000-7ffff7fc6000 r--p 00000000 00:00 0                          [vvar]
7ffff7fc6000-7ffff7fc8000 r--p 00000000 00:00 0                          [vvar_vclock]
7ffff7fc8000-7ffff7fca000 r-xp 00000000 00:00 0                          [vdso]
7ffff7fca000-7ffff7fcb000 r--p 00000000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7ffff7fcb000-7ffff7ff1000 r-xp 00001000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7ffff7ff1000-7ffff7ffb000 r--p 00027000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7ffff7ffb000-7ffff7ffd000 r--p 00031000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7ffff7ffd000-7ffff7fff000 rw-p 00033000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]
ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]
