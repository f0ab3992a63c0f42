5563a746f000-5563a7470000 r--p 00000000 fe:00 11657322                   /tmp/forensics-corpus/bin/crash_abort
5563a7470000-5563a7471000 r-xp 00001000 fe:00 11657322                   /tmp/forensics-corpus/bin/crash_abort
5563a7471000-5563a7472000 r--p 00002000 fe:00 11657322                   /tmp/forensics-corpus/bin/crash_abort
5563a7472000-5563a7473000 r--p 00002000 fe:00 11657322                   /tmp/forensics-corpus/bin/crash_abort
5563a7473000-5563a7474000 rw-p 00003000 fe:00 11657322                   /tmp/forensics-corpus/bin/crash_abort
5563a7474000-5563a7484000 rw-p 00000000 00:00 0 
5563b9d22000-5563b9d43000 rw-p 00000000 00:00 0                          [heap]
7f96132a5000-7f96132a8000 rw-p 00000000 00:00 0 
7f96132a8000-7f96132ce000 r--p 00000000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f96132ce000-7f9613424000 r-xp 00026000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f9613424000-7f9613477000 r--p 0017c000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f9613477000-7f961347b000 r--p 001cf000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f961347b000-7f961347d000 rw-p 001d3000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f961347d000-7f961348a000 rw-p 00000000 00:00 0 
7f9613493000-7f9613495000 rw-p 00000000 00:00 0 
7f9613495000-7f9613499000 r--p 00000000 00:00 0                          [vvar]
7f9613499000-7f961349b000 r--p 00000000 00:00 0                          [vvar_vclock]
7f961349b000-7f961349d000 r-xp 00000000 00:00 0                          [vdso]
7f961349d000-7f961349e000 r--p 00000000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f961349e000-7f96134c4000 r-xp 00001000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f96134c4000-7f96134ce000 r--p 00027000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f96134ce000-7f96134d0000 r--p 00031000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f96134d0000-7f96134d2000 rw-p 00033000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7ffff262a000-7ffff264b000 rw-p 00000000 00:00 0                          [stack]
ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]
