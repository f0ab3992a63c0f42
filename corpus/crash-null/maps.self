557746707000-557746708000 r--p 00000000 fe:00 11657954                   /tmp/forensics-corpus/bin/crash_null
557746708000-557746709000 r-xp 00001000 fe:00 11657954                   /tmp/forensics-corpus/bin/crash_null
557746709000-55774670a000 r--p 00002000 fe:00 11657954                   /tmp/forensics-corpus/bin/crash_null
55774670a000-55774670b000 r--p 00002000 fe:00 11657954                   /tmp/forensics-corpus/bin/crash_null
55774670b000-55774670c000 rw-p 00003000 fe:00 11657954                   /tmp/forensics-corpus/bin/crash_null
55774670c000-55774671c000 rw-p 00000000 00:00 0 
557785f05000-557785f26000 rw-p 00000000 00:00 0                          [heap]
7f63582d2000-7f63582d5000 rw-p 00000000 00:00 0 
7f63582d5000-7f63582fb000 r--p 00000000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f63582fb000-7f6358451000 r-xp 00026000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f6358451000-7f63584a4000 r--p 0017c000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f63584a4000-7f63584a8000 r--p 001cf000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f63584a8000-7f63584aa000 rw-p 001d3000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f63584aa000-7f63584b7000 rw-p 00000000 00:00 0 
7f63584c0000-7f63584c2000 rw-p 00000000 00:00 0 
7f63584c2000-7f63584c6000 r--p 00000000 00:00 0                          [vvar]
7f63584c6000-7f63584c8000 r--p 00000000 00:00 0                          [vvar_vclock]
7f63584c8000-7f63584ca000 r-xp 00000000 00:00 0                          [vdso]
7f63584ca000-7f63584cb000 r--p 00000000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f63584cb000-7f63584f1000 r-xp 00001000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f63584f1000-7f63584fb000 r--p 00027000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f63584fb000-7f63584fd000 r--p 00031000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f63584fd000-7f63584ff000 rw-p 00033000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7ffffd07b000-7ffffd09c000 rw-p 00000000 00:00 0                          [stack]
ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]
