55bbd8b04000-55bbd8b05000 r--p 00000000 fe:00 11657666                   /tmp/forensics-corpus/bin/crash_assert
55bbd8b05000-55bbd8b06000 r-xp 00001000 fe:00 11657666                   /tmp/forensics-corpus/bin/crash_assert
55bbd8b06000-55bbd8b07000 r--p 00002000 fe:00 11657666                   /tmp/forensics-corpus/bin/crash_assert
55bbd8b07000-55bbd8b08000 r--p 00002000 fe:00 11657666                   /tmp/forensics-corpus/bin/crash_assert
55bbd8b08000-55bbd8b09000 rw-p 00003000 fe:00 11657666                   /tmp/forensics-corpus/bin/crash_assert
55bbd8b09000-55bbd8b19000 rw-p 00000000 00:00 0 
55bbfc635000-55bbfc656000 rw-p 00000000 00:00 0                          [heap]
7f5b147af000-7f5b147b2000 rw-p 00000000 00:00 0 
7f5b147b2000-7f5b147d8000 r--p 00000000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f5b147d8000-7f5b1492e000 r-xp 00026000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f5b1492e000-7f5b14981000 r--p 0017c000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f5b14981000-7f5b14985000 r--p 001cf000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f5b14985000-7f5b14987000 rw-p 001d3000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f5b14987000-7f5b14994000 rw-p 00000000 00:00 0 
7f5b1499e000-7f5b149a0000 rw-p 00000000 00:00 0 
7f5b149a0000-7f5b149a4000 r--p 00000000 00:00 0                          [vvar]
7f5b149a4000-7f5b149a6000 r--p 00000000 00:00 0                          [vvar_vclock]
7f5b149a6000-7f5b149a8000 r-xp 00000000 00:00 0                          [vdso]
7f5b149a8000-7f5b149a9000 r--p 00000000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f5b149a9000-7f5b149cf000 r-xp 00001000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f5b149cf000-7f5b149d9000 r--p 00027000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f5b149d9000-7f5b149db000 r--p 00031000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f5b149db000-7f5b149dd000 rw-p 00033000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7ffe3edee000-7ffe3ee0f000 rw-p 00000000 00:00 0                          [stack]
ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]
