5582d6d25000-5582d6d26000 r--p 00000000 fe:00 11658085                   /tmp/forensics-corpus/bin/victim
5582d6d26000-5582d6d27000 r-xp 00001000 fe:00 11658085                   /tmp/forensics-corpus/bin/victim
5582d6d27000-5582d6d28000 r--p 00002000 fe:00 11658085                   /tmp/forensics-corpus/bin/victim
5582d6d28000-5582d6d29000 r--p 00002000 fe:00 11658085                   /tmp/forensics-corpus/bin/victim
5582d6d29000-5582d6d2a000 rw-p 00003000 fe:00 11658085                   /tmp/forensics-corpus/bin/victim
5582d6d2a000-5582d6d3a000 rw-p 00000000 00:00 0 
5582fe076000-5582fe097000 rw-p 00000000 00:00 0                          [heap]
7f826d928000-7f826d92b000 rw-p 00000000 00:00 0 
7f826d92b000-7f826d951000 r--p 00000000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f826d951000-7f826daa7000 r-xp 00026000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f826daa7000-7f826dafa000 r--p 0017c000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f826dafa000-7f826dafe000 r--p 001cf000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f826dafe000-7f826db00000 rw-p 001d3000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f826db00000-7f826db0d000 rw-p 00000000 00:00 0 
7f826db16000-7f826db18000 rw-p 00000000 00:00 0 
7f826db18000-7f826db1c000 r--p 00000000 00:00 0                          [vvar]
7f826db1c000-7f826db1e000 r--p 00000000 00:00 0                          [vvar_vclock]
7f826db1e000-7f826db20000 r-xp 00000000 00:00 0                          [vdso]
7f826db20000-7f826db21000 r--p 00000000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f826db21000-7f826db47000 r-xp 00001000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f826db47000-7f826db51000 r--p 00027000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f826db51000-7f826db53000 r--p 00031000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f826db53000-7f826db55000 rw-p 00033000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7ffecf07a000-7ffecf09b000 rw-p 00000000 00:00 0                          [stack]
ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]
