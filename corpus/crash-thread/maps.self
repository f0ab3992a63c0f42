559ef6f07000-559ef6f08000 r--p 00000000 fe:00 11658070                   /tmp/forensics-corpus/bin/crash_thread
559ef6f08000-559ef6f09000 r-xp 00001000 fe:00 11658070                   /tmp/forensics-corpus/bin/crash_thread
559ef6f09000-559ef6f0a000 r--p 00002000 fe:00 11658070                   /tmp/forensics-corpus/bin/crash_thread
559ef6f0a000-559ef6f0b000 r--p 00002000 fe:00 11658070                   /tmp/forensics-corpus/bin/crash_thread
559ef6f0b000-559ef6f0c000 rw-p 00003000 fe:00 11658070                   /tmp/forensics-corpus/bin/crash_thread
559ef6f0c000-559ef6f1c000 rw-p 00000000 00:00 0 
559f31f1b000-559f31f3c000 rw-p 00000000 00:00 0                          [heap]
7f1b84000000-7f1b84021000 rw-p 00000000 00:00 0 
7f1b84021000-7f1b88000000 ---p 00000000 00:00 0 
7f1b8acd7000-7f1b8acd8000 ---p 00000000 00:00 0 
7f1b8acd8000-7f1b8b4d8000 rw-p 00000000 00:00 0 
7f1b8b4d8000-7f1b8b4d9000 ---p 00000000 00:00 0 
7f1b8b4d9000-7f1b8bcd9000 rw-p 00000000 00:00 0 
7f1b8bcd9000-7f1b8bcda000 ---p 00000000 00:00 0 
7f1b8bcda000-7f1b8c4da000 rw-p 00000000 00:00 0 
7f1b8c4da000-7f1b8c4dd000 rw-p 00000000 00:00 0 
7f1b8c4dd000-7f1b8c503000 r--p 00000000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f1b8c503000-7f1b8c659000 r-xp 00026000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f1b8c659000-7f1b8c6ac000 r--p 0017c000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f1b8c6ac000-7f1b8c6b0000 r--p 001cf000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f1b8c6b0000-7f1b8c6b2000 rw-p 001d3000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f1b8c6b2000-7f1b8c6bf000 rw-p 00000000 00:00 0 
7f1b8c6c7000-7f1b8c6c8000 r--p 00000000 00:00 0 
7f1b8c6c8000-7f1b8c6ca000 rw-p 00000000 00:00 0 
7f1b8c6ca000-7f1b8c6ce000 r--p 00000000 00:00 0                          [vvar]
7f1b8c6ce000-7f1b8c6d0000 r--p 00000000 00:00 0                          [vvar_vclock]
7f1b8c6d0000-7f1b8c6d2000 r-xp 00000000 00:00 0                          [vdso]
7f1b8c6d2000-7f1b8c6d3000 r--p 00000000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f1b8c6d3000-7f1b8c6f9000 r-xp 00001000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f1b8c6f9000-7f1b8c703000 r--p 00027000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f1b8c703000-7f1b8c705000 r--p 00031000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f1b8c705000-7f1b8c707000 rw-p 00033000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7fff783a2000-7fff783c3000 rw-p 00000000 00:00 0                          [stack]
ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]
