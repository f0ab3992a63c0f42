556cd992e000-556cd9934000 r--p 00000000 fe:00 345402                     /usr/share/dotnet/dotnet
556cd9934000-556cd9940000 r-xp 00005000 fe:00 345402                     /usr/share/dotnet/dotnet
556cd9940000-556cd9941000 r--p 00010000 fe:00 345402                     /usr/share/dotnet/dotnet
556cd9941000-556cd9942000 rw-p 00010000 fe:00 345402                     /usr/share/dotnet/dotnet
556cea50a000-556cea607000 rw-p 00000000 00:00 0                          [heap]
7f7d90000000-7f7d90021000 rw-p 00000000 00:00 0 
7f7d90021000-7f7d94000000 ---p 00000000 00:00 0 
7f7d9785d000-7f7d97867000 rw-p 00000000 00:00 0 
7f7d97867000-7f7d98fe7000 ---p 00000000 00:00 0 
7f7d98fe7000-7f7d98ff1000 rw-p 00000000 00:00 0 
7f7d98ff1000-7f7d9a771000 ---p 00000000 00:00 0 
7f7d9a771000-7f7d9a772000 rw-p 00000000 00:00 0 
7f7d9a772000-7f7d9a776000 ---p 00000000 00:00 0 
7f7d9a776000-7f7d9a77c000 rw-p 00000000 00:00 0 
7f7d9a77c000-7f7d9b33b000 ---p 00000000 00:00 0 
7f7d9b33b000-7f7d9b33c000 rw-p 00000000 00:00 0 
7f7d9b33c000-7f7d9b33e000 ---p 00000000 00:00 0 
7f7d9b33e000-7f7d9b340000 rw-p 00000000 00:00 0 
7f7d9b340000-7f7db3000000 ---p 00000000 00:00 0 
7f7db3000000-7f7db3011000 rw-p 00000000 00:00 0 
7f7db3011000-7f7db5000000 ---p 00000000 00:00 0 
7f7db5000000-7f7db5001000 rw-p 00000000 00:00 0 
7f7db5001000-7f7db5400000 ---p 00000000 00:00 0 
7f7db5400000-7f7db5401000 rw-p 00000000 00:00 0 
7f7db5401000-7f7db5800000 ---p 00000000 00:00 0 
7f7db5800000-7f7db5821000 rw-p 00000000 00:00 0 
7f7db5821000-7f7db5c00000 ---p 00000000 00:00 0 
7f7db5c00000-7f7db5c01000 rw-p 00000000 00:00 0 
7f7db5c01000-7f8978000000 ---p 00000000 00:00 0 
7f8978000000-7f8978021000 rw-p 00000000 00:00 0 
7f8978021000-7f897c000000 ---p 00000000 00:00 0 
7f897c000000-7f897c021000 rw-p 00000000 00:00 0 
7f897c021000-7f8980000000 ---p 00000000 00:00 0 
7f8980000000-7f8980021000 rw-p 00000000 00:00 0 
7f8980021000-7f8984000000 ---p 00000000 00:00 0 
7f8984000000-7f8984021000 rw-p 00000000 00:00 0 
7f8984021000-7f8988000000 ---p 00000000 00:00 0 
7f8988600000-7f89886b1000 r--p 00000000 fe:00 351013                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libclrjit.so
7f89886b1000-7f8988a76000 r-xp 000b0000 fe:00 351013                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libclrjit.so
7f8988a76000-7f8988a8a000 r--p 00474000 fe:00 351013                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libclrjit.so
7f8988a8a000-7f8988a8b000 rw-p 00487000 fe:00 351013                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libclrjit.so
7f8988a8b000-7f8988acf000 rw-p 00000000 00:00 0 
7f8988bff000-7f8988c00000 ---p 00000000 00:00 0 
7f8988c00000-7f8989400000 rw-p 00000000 00:00 0 
7f8989400000-7f8989410000 rw-p 00000000 00:00 0 
7f8989410000-7f8989800000 ---p 00000000 00:00 0 
7f8989800000-7f898a6db000 r--s 00000000 fe:00 350922                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/System.Private.CoreLib.dll
7f898a7fd000-7f898a7fe000 ---p 00000000 00:00 0 
7f898a7fe000-7f898affe000 rw-p 00000000 00:00 0 
7f898affe000-7f898afff000 ---p 00000000 00:00 0 
7f898afff000-7f898b7ff000 rw-p 00000000 00:00 0 
7f898b7ff000-7f898b800000 ---p 00000000 00:00 0 
7f898b800000-7f898c000000 rw-p 00000000 00:00 0 
7f898c000000-7f898c021000 rw-p 00000000 00:00 0 
7f898c021000-7f8990000000 ---p 00000000 00:00 0 
7f899017f000-7f8990181000 rw-s 00112000 00:01 2117                       /memfd:doublemapper (deleted)
7f8990181000-7f899019b000 r--s 00000000 fe:00 350945                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/System.Runtime.InteropServices.dll
7f899019b000-7f89901e2000 r--s 00000000 fe:00 350846                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/System.Collections.dll
7f89901e2000-7f89901ed000 r--s 00000000 fe:00 350954                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/System.Runtime.dll
7f89901ed000-7f89901f0000 r--s 00000000 fe:00 11658268                   /tmp/forensics-dotnet/bin/DotnetCrash.dll
7f89901f0000-7f89901fc000 r--p 00000000 fe:00 351008                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libSystem.Native.so
7f89901fc000-7f8990208000 r-xp 0000b000 fe:00 351008                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libSystem.Native.so
7f8990208000-7f8990209000 r--p 00016000 fe:00 351008                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libSystem.Native.so
7f8990209000-7f899020a000 rw-p 00016000 fe:00 351008                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libSystem.Native.so
7f899020a000-7f899020b000 ---p 00000000 00:00 0 
7f899020b000-7f899020e000 rw-p 00000000 00:00 0 
7f899020e000-7f899020f000 ---p 00000000 00:00 0 
7f899020f000-7f8990a0f000 rw-p 00000000 00:00 0 
7f8990a0f000-7f8990a10000 ---p 00000000 00:00 0 
7f8990a10000-7f8991210000 rw-p 00000000 00:00 0 
7f8991210000-7f8991250000 ---p 00000000 00:00 0 
7f8991250000-7f8991251000 r-xs 00000000 00:01 2117                       /memfd:doublemapper (deleted)
7f8991251000-7f8991260000 ---p 00000000 00:00 0 
7f8991260000-7f8991263000 rw-s 00001000 00:01 2117                       /memfd:doublemapper (deleted)
7f8991263000-7f8991264000 ---s 00004000 00:01 2117                       /memfd:doublemapper (deleted)
7f8991264000-7f899126c000 rw-s 00005000 00:01 2117                       /memfd:doublemapper (deleted)
7f899126c000-7f899126d000 ---s 0000d000 00:01 2117                       /memfd:doublemapper (deleted)
7f899126d000-7f899126e000 r-xs 0000e000 00:01 2117                       /memfd:doublemapper (deleted)
7f899126e000-7f8991270000 ---s 0000f000 00:01 2117                       /memfd:doublemapper (deleted)
7f8991270000-7f8991271000 rw-s 00011000 00:01 2117                       /memfd:doublemapper (deleted)
7f8991271000-7f8991280000 ---s 00012000 00:01 2117                       /memfd:doublemapper (deleted)
7f8991280000-7f8991281000 r--p 00000000 fe:00 350922                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/System.Private.CoreLib.dll
7f8991281000-7f8991290000 ---p 00000000 00:00 0 
7f8991290000-7f8991ddc000 r-xp 00000000 fe:00 350922                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/System.Private.CoreLib.dll
7f8991ddc000-7f8991dfc000 ---p 00000000 00:00 0 
7f8991dfc000-7f899217e000 rw-p 00b4c000 fe:00 350922                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/System.Private.CoreLib.dll
7f899217e000-7f899219d000 ---p 00000000 00:00 0 
7f899219d000-7f89921a9000 r--p 00ecd000 fe:00 350922                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/System.Private.CoreLib.dll
7f89921a9000-7f89921b0000 ---p 00000000 00:00 0 
7f89921b0000-7f899223f000 rw-s 00021000 00:01 2117                       /memfd:doublemapper (deleted)
7f899223f000-7f8992240000 ---s 000b0000 00:01 2117                       /memfd:doublemapper (deleted)
7f8992240000-7f8992244000 r-xs 000b1000 00:01 2117                       /memfd:doublemapper (deleted)
7f8992244000-7f8992248000 rw-s 000b5000 00:01 2117                       /memfd:doublemapper (deleted)
7f8992248000-7f8992250000 ---s 000b9000 00:01 2117                       /memfd:doublemapper (deleted)
7f8992250000-7f8992254000 r-xs 000c1000 00:01 2117                       /memfd:doublemapper (deleted)
7f8992254000-7f8992258000 rw-s 000c5000 00:01 2117                       /memfd:doublemapper (deleted)
7f8992258000-7f899225c000 r-xs 000c9000 00:01 2117                       /memfd:doublemapper (deleted)
7f899225c000-7f89922a0000 rw-s 000cd000 00:01 2117                       /memfd:doublemapper (deleted)
7f89922a0000-7f89922a3000 r-xs 00111000 00:01 2117                       /memfd:doublemapper (deleted)
7f89922a3000-7f8992320000 ---s 00114000 00:01 2117                       /memfd:doublemapper (deleted)
7f8992320000-7f8992370000 rw-s 00191000 00:01 2117                       /memfd:doublemapper (deleted)
7f8992370000-7f8992371000 r--p 00000000 fe:00 350846                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/System.Collections.dll
7f8992371000-7f8992380000 ---p 00000000 00:00 0 
7f8992380000-7f89923b3000 r-xp 00000000 fe:00 350846                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/System.Collections.dll
7f89923b3000-7f89923d2000 ---p 00000000 00:00 0 
7f89923d2000-7f89923e4000 rw-p 00032000 fe:00 350846                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/System.Collections.dll
7f89923e4000-7f8992403000 ---p 00000000 00:00 0 
7f8992403000-7f8992405000 r--p 00043000 fe:00 350846                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/System.Collections.dll
7f8992405000-7f8992410000 ---p 00000000 00:00 0 
7f8992410000-7f8992411000 r--p 00000000 fe:00 350945                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/System.Runtime.InteropServices.dll
7f8992411000-7f8992420000 ---p 00000000 00:00 0 
7f8992420000-7f8992433000 r-xp 00000000 fe:00 350945                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/System.Runtime.InteropServices.dll
7f8992433000-7f8992452000 ---p 00000000 00:00 0 
7f8992452000-7f8992457000 rw-p 00012000 fe:00 350945                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/System.Runtime.InteropServices.dll
7f8992457000-7f8992476000 ---p 00000000 00:00 0 
7f8992476000-7f8992477000 r--p 00016000 fe:00 350945                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/System.Runtime.InteropServices.dll
7f8992477000-7f8992480000 ---p 00000000 00:00 0 
7f8992480000-7f8992496000 rw-s 001e1000 00:01 2117                       /memfd:doublemapper (deleted)
7f8992496000-7f89924a0000 ---s 001f7000 00:01 2117                       /memfd:doublemapper (deleted)
7f89924a0000-7f89924d0000 rw-s 00201000 00:01 2117                       /memfd:doublemapper (deleted)
7f89924d0000-7f8a10200000 ---p 00000000 00:00 0 
7f8a10200000-7f8a102bd000 r--p 00000000 fe:00 351014                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libcoreclr.so
7f8a102bd000-7f8a102be000 r--p 000bd000 fe:00 351014                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libcoreclr.so
7f8a102be000-7f8a103c9000 r--p 000be000 fe:00 351014                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libcoreclr.so
7f8a103c9000-7f8a1087a000 r-xp 001c8000 fe:00 351014                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libcoreclr.so
7f8a1087a000-7f8a108a2000 r--p 00678000 fe:00 351014                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libcoreclr.so
7f8a108a2000-7f8a108cb000 rw-p 0069f000 fe:00 351014                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libcoreclr.so
7f8a108cb000-7f8a10930000 rw-p 00000000 00:00 0 
7f8a10930000-7f8a10a1e000 rw-p 00000000 00:00 0 
7f8a10a1e000-7f8a10a44000 r--p 00000000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f8a10a44000-7f8a10b9a000 r-xp 00026000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f8a10b9a000-7f8a10bed000 r--p 0017c000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f8a10bed000-7f8a10bf1000 r--p 001cf000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f8a10bf1000-7f8a10bf3000 rw-p 001d3000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7f8a10bf3000-7f8a10c00000 rw-p 00000000 00:00 0 
7f8a10c00000-7f8a10c99000 r--p 00000000 fe:00 332688                     /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
7f8a10c99000-7f8a10d9a000 r-xp 00099000 fe:00 332688                     /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
7f8a10d9a000-7f8a10e09000 r--p 0019a000 fe:00 332688                     /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
7f8a10e09000-7f8a10e14000 r--p 00209000 fe:00 332688                     /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
7f8a10e14000-7f8a10e17000 rw-p 00214000 fe:00 332688                     /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
7f8a10e17000-7f8a10e1a000 rw-p 00000000 00:00 0 
7f8a10e1a000-7f8a10e1c000 rwxp 00000000 00:00 0 
7f8a10e1c000-7f8a10e1d000 ---p 00000000 00:00 0 
7f8a10e1d000-7f8a10e20000 rw-p 00000000 00:00 0 
7f8a10e20000-7f8a10e22000 rw-p 00000000 00:00 0 
7f8a10e22000-7f8a10e30000 ---p 00000000 00:00 0 
7f8a10e31000-7f8a10e32000 ---p 00000000 00:00 0 
7f8a10e32000-7f8a10e35000 rw-p 00000000 00:00 0 
7f8a10e35000-7f8a10e36000 ---p 00000000 00:00 0 
7f8a10e36000-7f8a10e39000 rw-p 00000000 00:00 0 
7f8a10e39000-7f8a10e3a000 ---p 00000000 00:00 0 
7f8a10e3a000-7f8a10e3d000 rw-p 00000000 00:00 0 
7f8a10e3d000-7f8a10e3e000 ---p 00000000 00:00 0 
7f8a10e3e000-7f8a10e48000 rw-p 00000000 00:00 0 
7f8a10e48000-7f8a10e49000 r--p 00000000 fe:00 332649                     /usr/lib/x86_64-linux-gnu/librt.so.1
7f8a10e49000-7f8a10e4a000 r-xp 00001000 fe:00 332649                     /usr/lib/x86_64-linux-gnu/librt.so.1
7f8a10e4a000-7f8a10e4b000 r--p 00002000 fe:00 332649                     /usr/lib/x86_64-linux-gnu/librt.so.1
7f8a10e4b000-7f8a10e4c000 r--p 00002000 fe:00 332649                     /usr/lib/x86_64-linux-gnu/librt.so.1
7f8a10e4c000-7f8a10e4d000 rw-p 00003000 fe:00 332649                     /usr/lib/x86_64-linux-gnu/librt.so.1
7f8a10e4d000-7f8a10e5f000 r--p 00000000 fe:00 351016                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libhostpolicy.so
7f8a10e5f000-7f8a10e9a000 r-xp 00011000 fe:00 351016                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libhostpolicy.so
7f8a10e9a000-7f8a10e9b000 r--p 0004b000 fe:00 351016                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libhostpolicy.so
7f8a10e9b000-7f8a10e9c000 rw-p 0004b000 fe:00 351016                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libhostpolicy.so
7f8a10e9c000-7f8a10e9d000 rw-p 00000000 00:00 0 
7f8a10e9d000-7f8a10eb0000 r--p 00000000 fe:00 345406                     /usr/share/dotnet/host/fxr/10.0.12/libhostfxr.so
7f8a10eb0000-7f8a10eed000 r-xp 00012000 fe:00 345406                     /usr/share/dotnet/host/fxr/10.0.12/libhostfxr.so
7f8a10eed000-7f8a10eef000 r--p 0004e000 fe:00 345406                     /usr/share/dotnet/host/fxr/10.0.12/libhostfxr.so
7f8a10eef000-7f8a10ef0000 rw-p 0004f000 fe:00 345406                     /usr/share/dotnet/host/fxr/10.0.12/libhostfxr.so
7f8a10ef0000-7f8a10ef5000 rw-p 00000000 00:00 0 
7f8a10ef5000-7f8a10ef8000 r--p 00000000 fe:00 332254                     /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
7f8a10ef8000-7f8a10f0f000 r-xp 00003000 fe:00 332254                     /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
7f8a10f0f000-7f8a10f13000 r--p 0001a000 fe:00 332254                     /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
7f8a10f13000-7f8a10f14000 r--p 0001d000 fe:00 332254                     /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
7f8a10f14000-7f8a10f15000 rw-p 0001e000 fe:00 332254                     /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
7f8a10f15000-7f8a10f25000 r--p 00000000 fe:00 332471                     /usr/lib/x86_64-linux-gnu/libm.so.6
7f8a10f25000-7f8a10f99000 r-xp 00010000 fe:00 332471                     /usr/lib/x86_64-linux-gnu/libm.so.6
7f8a10f99000-7f8a10ff3000 r--p 00084000 fe:00 332471                     /usr/lib/x86_64-linux-gnu/libm.so.6
7f8a10ff3000-7f8a10ff4000 r--p 000dd000 fe:00 332471                     /usr/lib/x86_64-linux-gnu/libm.so.6
7f8a10ff4000-7f8a10ff5000 rw-p 000de000 fe:00 332471                     /usr/lib/x86_64-linux-gnu/libm.so.6
7f8a10ff5000-7f8a10ff6000 r--p 00000000 fe:00 332624                     /usr/lib/x86_64-linux-gnu/libpthread.so.0
7f8a10ff6000-7f8a10ff7000 r-xp 00001000 fe:00 332624                     /usr/lib/x86_64-linux-gnu/libpthread.so.0
7f8a10ff7000-7f8a10ff8000 r--p 00002000 fe:00 332624                     /usr/lib/x86_64-linux-gnu/libpthread.so.0
7f8a10ff8000-7f8a10ff9000 r--p 00002000 fe:00 332624                     /usr/lib/x86_64-linux-gnu/libpthread.so.0
7f8a10ff9000-7f8a10ffa000 rw-p 00003000 fe:00 332624                     /usr/lib/x86_64-linux-gnu/libpthread.so.0
7f8a10ffa000-7f8a10ffb000 r--p 00000000 fe:00 332167                     /usr/lib/x86_64-linux-gnu/libdl.so.2
7f8a10ffb000-7f8a10ffc000 r-xp 00001000 fe:00 332167                     /usr/lib/x86_64-linux-gnu/libdl.so.2
7f8a10ffc000-7f8a10ffd000 r--p 00002000 fe:00 332167                     /usr/lib/x86_64-linux-gnu/libdl.so.2
7f8a10ffd000-7f8a10ffe000 r--p 00002000 fe:00 332167                     /usr/lib/x86_64-linux-gnu/libdl.so.2
7f8a10ffe000-7f8a10fff000 rw-p 00003000 fe:00 332167                     /usr/lib/x86_64-linux-gnu/libdl.so.2
7f8a11001000-7f8a11002000 rw-s 00111000 00:01 2117                       /memfd:doublemapper (deleted)
7f8a11002000-7f8a11003000 ---p 00000000 00:01 2118                       /memfd:dotnet_ipc_created (deleted)
7f8a11003000-7f8a11004000 rw-s 0000e000 00:01 2117                       /memfd:doublemapper (deleted)
7f8a11004000-7f8a11005000 ---p 00000000 00:00 0 
7f8a11005000-7f8a11008000 rw-p 00000000 00:00 0 
7f8a11008000-7f8a1100a000 rw-p 00000000 00:00 0 
7f8a1100a000-7f8a1100e000 r--p 00000000 00:00 0                          [vvar]
7f8a1100e000-7f8a11010000 r--p 00000000 00:00 0                          [vvar_vclock]
7f8a11010000-7f8a11012000 r-xp 00000000 00:00 0                          [vdso]
7f8a11012000-7f8a11013000 r--p 00000000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f8a11013000-7f8a11039000 r-xp 00001000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f8a11039000-7f8a11043000 r--p 00027000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f8a11043000-7f8a11045000 r--p 00031000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7f8a11045000-7f8a11047000 rw-p 00033000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7ffdb7907000-7ffdb7928000 rw-p 00000000 00:00 0                          [stack]
ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]
