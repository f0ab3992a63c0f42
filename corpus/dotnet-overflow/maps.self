556e9a33b000-556e9a341000 r--p 00000000 fe:00 345402                     /usr/share/dotnet/dotnet
556e9a341000-556e9a34d000 r-xp 00005000 fe:00 345402                     /usr/share/dotnet/dotnet
556e9a34d000-556e9a34e000 r--p 00010000 fe:00 345402                     /usr/share/dotnet/dotnet
556e9a34e000-556e9a34f000 rw-p 00010000 fe:00 345402                     /usr/share/dotnet/dotnet
556ea5d2f000-556ea5e2c000 rw-p 00000000 00:00 0                          [heap]
7fadf0000000-7fadf0021000 rw-p 00000000 00:00 0 
7fadf0021000-7fadf4000000 ---p 00000000 00:00 0 
7fadf5a00000-7fadf5ab1000 r--p 00000000 fe:00 351013                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libclrjit.so
7fadf5ab1000-7fadf5e76000 r-xp 000b0000 fe:00 351013                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libclrjit.so
7fadf5e76000-7fadf5e8a000 r--p 00474000 fe:00 351013                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libclrjit.so
7fadf5e8a000-7fadf5e8b000 rw-p 00487000 fe:00 351013                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libclrjit.so
7fadf5e8b000-7fadf5ecf000 rw-p 00000000 00:00 0 
7fadf5fff000-7fadf6000000 ---p 00000000 00:00 0 
7fadf6000000-7fadf6800000 rw-p 00000000 00:00 0 
7fadf6800000-7fadf76db000 r--s 00000000 fe:00 350922                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/System.Private.CoreLib.dll
7fadf786f000-7fadf7879000 rw-p 00000000 00:00 0 
7fadf7879000-7fadf8ff9000 ---p 00000000 00:00 0 
7fadf8ff9000-7fadf9003000 rw-p 00000000 00:00 0 
7fadf9003000-7fadfa783000 ---p 00000000 00:00 0 
7fadfa783000-7fadfa784000 rw-p 00000000 00:00 0 
7fadfa784000-7fadfa788000 ---p 00000000 00:00 0 
7fadfa788000-7fadfa78e000 rw-p 00000000 00:00 0 
7fadfa78e000-7fadfb34d000 ---p 00000000 00:00 0 
7fadfb34d000-7fadfb34e000 rw-p 00000000 00:00 0 
7fadfb34e000-7fadfb350000 ---p 00000000 00:00 0 
7fadfb350000-7fadfb352000 rw-p 00000000 00:00 0 
7fadfb352000-7fae13000000 ---p 00000000 00:00 0 
7fae13000000-7fae13011000 rw-p 00000000 00:00 0 
7fae13011000-7fae15000000 ---p 00000000 00:00 0 
7fae15000000-7fae15001000 rw-p 00000000 00:00 0 
7fae15001000-7fae15400000 ---p 00000000 00:00 0 
7fae15400000-7fae15401000 rw-p 00000000 00:00 0 
7fae15401000-7fae15800000 ---p 00000000 00:00 0 
7fae15800000-7fae15811000 rw-p 00000000 00:00 0 
7fae15811000-7fae15c00000 ---p 00000000 00:00 0 
7fae15c00000-7fae15c01000 rw-p 00000000 00:00 0 
7fae15c01000-7fb9d8000000 ---p 00000000 00:00 0 
7fb9d8000000-7fb9d8021000 rw-p 00000000 00:00 0 
7fb9d8021000-7fb9dc000000 ---p 00000000 00:00 0 
7fb9dc000000-7fb9dc021000 rw-p 00000000 00:00 0 
7fb9dc021000-7fb9e0000000 ---p 00000000 00:00 0 
7fb9e0000000-7fb9e0021000 rw-p 00000000 00:00 0 
7fb9e0021000-7fb9e4000000 ---p 00000000 00:00 0 
7fb9e4000000-7fb9e4021000 rw-p 00000000 00:00 0 
7fb9e4021000-7fb9e8000000 ---p 00000000 00:00 0 
7fb9e8000000-7fb9e8021000 rw-p 00000000 00:00 0 
7fb9e8021000-7fb9ec000000 ---p 00000000 00:00 0 
7fb9ec600000-7fb9ec610000 rw-p 00000000 00:00 0 
7fb9ec610000-7fb9eca00000 ---p 00000000 00:00 0 
7fb9ecb42000-7fb9ecb43000 ---p 00000000 00:00 0 
7fb9ecb43000-7fb9ed343000 rw-p 00000000 00:00 0 
7fb9ed343000-7fb9ed40c000 rw-p 00000000 00:00 0 
7fb9ed40c000-7fb9ed40d000 ---p 00000000 00:00 0 
7fb9ed40d000-7fb9edc0d000 rw-p 00000000 00:00 0 
7fb9edc0d000-7fb9edc0e000 ---p 00000000 00:00 0 
7fb9edc0e000-7fb9ee40e000 rw-p 00000000 00:00 0 
7fb9ee40e000-7fb9ee40f000 ---p 00000000 00:00 0 
7fb9ee40f000-7fb9eec0f000 rw-p 00000000 00:00 0 
7fb9eec0f000-7fb9eec10000 ---p 00000000 00:00 0 
7fb9eec10000-7fb9ef410000 rw-p 00000000 00:00 0 
7fb9ef410000-7fb9ef440000 ---p 00000000 00:00 0 
7fb9ef440000-7fb9ef441000 r-xs 00000000 00:01 2826                       /memfd:doublemapper (deleted)
7fb9ef441000-7fb9ef450000 ---p 00000000 00:00 0 
7fb9ef450000-7fb9ef453000 rw-s 00001000 00:01 2826                       /memfd:doublemapper (deleted)
7fb9ef453000-7fb9ef454000 ---s 00004000 00:01 2826                       /memfd:doublemapper (deleted)
7fb9ef454000-7fb9ef45c000 rw-s 00005000 00:01 2826                       /memfd:doublemapper (deleted)
7fb9ef45c000-7fb9ef45d000 ---s 0000d000 00:01 2826                       /memfd:doublemapper (deleted)
7fb9ef45d000-7fb9ef45e000 r-xs 0000e000 00:01 2826                       /memfd:doublemapper (deleted)
7fb9ef45e000-7fb9ef460000 ---s 0000f000 00:01 2826                       /memfd:doublemapper (deleted)
7fb9ef460000-7fb9ef461000 rw-s 00011000 00:01 2826                       /memfd:doublemapper (deleted)
7fb9ef461000-7fb9ef470000 ---s 00012000 00:01 2826                       /memfd:doublemapper (deleted)
7fb9ef470000-7fb9ef471000 r--p 00000000 fe:00 350922                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/System.Private.CoreLib.dll
7fb9ef471000-7fb9ef480000 ---p 00000000 00:00 0 
7fb9ef480000-7fb9effcc000 r-xp 00000000 fe:00 350922                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/System.Private.CoreLib.dll
7fb9effcc000-7fb9effec000 ---p 00000000 00:00 0 
7fb9effec000-7fb9f036e000 rw-p 00b4c000 fe:00 350922                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/System.Private.CoreLib.dll
7fb9f036e000-7fb9f038d000 ---p 00000000 00:00 0 
7fb9f038d000-7fb9f0399000 r--p 00ecd000 fe:00 350922                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/System.Private.CoreLib.dll
7fb9f0399000-7fb9f03a0000 ---p 00000000 00:00 0 
7fb9f03a0000-7fb9f042f000 rw-s 00021000 00:01 2826                       /memfd:doublemapper (deleted)
7fb9f042f000-7fb9f0430000 ---s 000b0000 00:01 2826                       /memfd:doublemapper (deleted)
7fb9f0430000-7fb9f0434000 r-xs 000b1000 00:01 2826                       /memfd:doublemapper (deleted)
7fb9f0434000-7fb9f0438000 rw-s 000b5000 00:01 2826                       /memfd:doublemapper (deleted)
7fb9f0438000-7fb9f0440000 ---s 000b9000 00:01 2826                       /memfd:doublemapper (deleted)
7fb9f0440000-7fb9f0444000 r-xs 000c1000 00:01 2826                       /memfd:doublemapper (deleted)
7fb9f0444000-7fb9f0448000 rw-s 000c5000 00:01 2826                       /memfd:doublemapper (deleted)
7fb9f0448000-7fb9f044c000 r-xs 000c9000 00:01 2826                       /memfd:doublemapper (deleted)
7fb9f044c000-7fb9f0490000 rw-s 000cd000 00:01 2826                       /memfd:doublemapper (deleted)
7fb9f0490000-7fb9f0493000 r-xs 00111000 00:01 2826                       /memfd:doublemapper (deleted)
7fb9f0493000-7fb9f0510000 ---s 00114000 00:01 2826                       /memfd:doublemapper (deleted)
7fb9f0510000-7fb9f055c000 rw-s 00191000 00:01 2826                       /memfd:doublemapper (deleted)
7fb9f055c000-7fb9f0560000 ---s 001dd000 00:01 2826                       /memfd:doublemapper (deleted)
7fb9f0560000-7fb9f0598000 rw-s 001e1000 00:01 2826                       /memfd:doublemapper (deleted)
7fb9f0598000-7fb9f05a0000 ---s 00219000 00:01 2826                       /memfd:doublemapper (deleted)
7fb9f05a0000-7fba6e400000 ---p 00000000 00:00 0 
7fba6e400000-7fba6e4bd000 r--p 00000000 fe:00 351014                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libcoreclr.so
7fba6e4bd000-7fba6e4be000 r--p 000bd000 fe:00 351014                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libcoreclr.so
7fba6e4be000-7fba6e5c9000 r--p 000be000 fe:00 351014                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libcoreclr.so
7fba6e5c9000-7fba6ea7a000 r-xp 001c8000 fe:00 351014                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libcoreclr.so
7fba6ea7a000-7fba6eaa2000 r--p 00678000 fe:00 351014                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libcoreclr.so
7fba6eaa2000-7fba6eacb000 rw-p 0069f000 fe:00 351014                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libcoreclr.so
7fba6eacb000-7fba6eb20000 rw-p 00000000 00:00 0 
7fba6eb4d000-7fba6eb4f000 rw-s 00112000 00:01 2826                       /memfd:doublemapper (deleted)
7fba6eb4f000-7fba6eb5a000 r--s 00000000 fe:00 350954                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/System.Runtime.dll
7fba6eb5a000-7fba6eb5c000 r--s 00000000 fe:00 11674364                   /tmp/forensics-corpus/bin/dotnet-overflow/DotnetOverflow.dll
7fba6eb5d000-7fba6eb69000 r--p 00000000 fe:00 351008                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libSystem.Native.so
7fba6eb69000-7fba6eb75000 r-xp 0000b000 fe:00 351008                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libSystem.Native.so
7fba6eb75000-7fba6eb76000 r--p 00016000 fe:00 351008                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libSystem.Native.so
7fba6eb76000-7fba6eb77000 rw-p 00016000 fe:00 351008                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libSystem.Native.so
7fba6eb77000-7fba6eb78000 ---p 00000000 00:00 0 
7fba6eb78000-7fba6eb7b000 rw-p 00000000 00:00 0 
7fba6eb7b000-7fba6ebb2000 rw-p 00000000 00:00 0 
7fba6ebb2000-7fba6ebc0000 ---p 00000000 00:00 0 
7fba6ebc1000-7fba6ebc2000 rw-s 00111000 00:01 2826                       /memfd:doublemapper (deleted)
7fba6ebc2000-7fba6ebc3000 ---p 00000000 00:00 0 
7fba6ebc3000-7fba6ebc6000 rw-p 00000000 00:00 0 
7fba6ebc6000-7fba6ebc7000 ---p 00000000 00:00 0 
7fba6ebc7000-7fba6ebca000 rw-p 00000000 00:00 0 
7fba6ebca000-7fba6ebcb000 ---p 00000000 00:00 0 
7fba6ebcb000-7fba6ebce000 rw-p 00000000 00:00 0 
7fba6ebce000-7fba6ebe0000 r--p 00000000 fe:00 351016                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libhostpolicy.so
7fba6ebe0000-7fba6ec1b000 r-xp 00011000 fe:00 351016                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libhostpolicy.so
7fba6ec1b000-7fba6ec1c000 r--p 0004b000 fe:00 351016                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libhostpolicy.so
7fba6ec1c000-7fba6ec1d000 rw-p 0004b000 fe:00 351016                     /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/libhostpolicy.so
7fba6ec1d000-7fba6ec1e000 rw-p 00000000 00:00 0 
7fba6ec1e000-7fba6ec44000 r--p 00000000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7fba6ec44000-7fba6ed9a000 r-xp 00026000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7fba6ed9a000-7fba6eded000 r--p 0017c000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7fba6eded000-7fba6edf1000 r--p 001cf000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7fba6edf1000-7fba6edf3000 rw-p 001d3000 fe:00 332096                     /usr/lib/x86_64-linux-gnu/libc.so.6
7fba6edf3000-7fba6ee00000 rw-p 00000000 00:00 0 
7fba6ee00000-7fba6ee99000 r--p 00000000 fe:00 332688                     /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
7fba6ee99000-7fba6ef9a000 r-xp 00099000 fe:00 332688                     /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
7fba6ef9a000-7fba6f009000 r--p 0019a000 fe:00 332688                     /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
7fba6f009000-7fba6f014000 r--p 00209000 fe:00 332688                     /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
7fba6f014000-7fba6f017000 rw-p 00214000 fe:00 332688                     /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
7fba6f017000-7fba6f01a000 rw-p 00000000 00:00 0 
7fba6f01a000-7fba6f01b000 ---p 00000000 00:00 0 
7fba6f01b000-7fba6f025000 rw-p 00000000 00:00 0 
7fba6f025000-7fba6f026000 r--p 00000000 fe:00 332649                     /usr/lib/x86_64-linux-gnu/librt.so.1
7fba6f026000-7fba6f027000 r-xp 00001000 fe:00 332649                     /usr/lib/x86_64-linux-gnu/librt.so.1
7fba6f027000-7fba6f028000 r--p 00002000 fe:00 332649                     /usr/lib/x86_64-linux-gnu/librt.so.1
7fba6f028000-7fba6f029000 r--p 00002000 fe:00 332649                     /usr/lib/x86_64-linux-gnu/librt.so.1
7fba6f029000-7fba6f02a000 rw-p 00003000 fe:00 332649                     /usr/lib/x86_64-linux-gnu/librt.so.1
7fba6f02a000-7fba6f03d000 r--p 00000000 fe:00 345406                     /usr/share/dotnet/host/fxr/10.0.12/libhostfxr.so
7fba6f03d000-7fba6f07a000 r-xp 00012000 fe:00 345406                     /usr/share/dotnet/host/fxr/10.0.12/libhostfxr.so
7fba6f07a000-7fba6f07c000 r--p 0004e000 fe:00 345406                     /usr/share/dotnet/host/fxr/10.0.12/libhostfxr.so
7fba6f07c000-7fba6f07d000 rw-p 0004f000 fe:00 345406                     /usr/share/dotnet/host/fxr/10.0.12/libhostfxr.so
7fba6f07d000-7fba6f082000 rw-p 00000000 00:00 0 
7fba6f082000-7fba6f085000 r--p 00000000 fe:00 332254                     /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
7fba6f085000-7fba6f09c000 r-xp 00003000 fe:00 332254                     /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
7fba6f09c000-7fba6f0a0000 r--p 0001a000 fe:00 332254                     /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
7fba6f0a0000-7fba6f0a1000 r--p 0001d000 fe:00 332254                     /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
7fba6f0a1000-7fba6f0a2000 rw-p 0001e000 fe:00 332254                     /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
7fba6f0a2000-7fba6f0b2000 r--p 00000000 fe:00 332471                     /usr/lib/x86_64-linux-gnu/libm.so.6
7fba6f0b2000-7fba6f126000 r-xp 00010000 fe:00 332471                     /usr/lib/x86_64-linux-gnu/libm.so.6
7fba6f126000-7fba6f180000 r--p 00084000 fe:00 332471                     /usr/lib/x86_64-linux-gnu/libm.so.6
7fba6f180000-7fba6f181000 r--p 000dd000 fe:00 332471                     /usr/lib/x86_64-linux-gnu/libm.so.6
7fba6f181000-7fba6f182000 rw-p 000de000 fe:00 332471                     /usr/lib/x86_64-linux-gnu/libm.so.6
7fba6f182000-7fba6f183000 r--p 00000000 fe:00 332624                     /usr/lib/x86_64-linux-gnu/libpthread.so.0
7fba6f183000-7fba6f184000 r-xp 00001000 fe:00 332624                     /usr/lib/x86_64-linux-gnu/libpthread.so.0
7fba6f184000-7fba6f185000 r--p 00002000 fe:00 332624                     /usr/lib/x86_64-linux-gnu/libpthread.so.0
7fba6f185000-7fba6f186000 r--p 00002000 fe:00 332624                     /usr/lib/x86_64-linux-gnu/libpthread.so.0
7fba6f186000-7fba6f187000 rw-p 00003000 fe:00 332624                     /usr/lib/x86_64-linux-gnu/libpthread.so.0
7fba6f187000-7fba6f188000 r--p 00000000 fe:00 332167                     /usr/lib/x86_64-linux-gnu/libdl.so.2
7fba6f188000-7fba6f189000 r-xp 00001000 fe:00 332167                     /usr/lib/x86_64-linux-gnu/libdl.so.2
7fba6f189000-7fba6f18a000 r--p 00002000 fe:00 332167                     /usr/lib/x86_64-linux-gnu/libdl.so.2
7fba6f18a000-7fba6f18b000 r--p 00002000 fe:00 332167                     /usr/lib/x86_64-linux-gnu/libdl.so.2
7fba6f18b000-7fba6f18c000 rw-p 00003000 fe:00 332167                     /usr/lib/x86_64-linux-gnu/libdl.so.2
7fba6f18c000-7fba6f18d000 ---p 00000000 00:00 0 
7fba6f18d000-7fba6f190000 rw-p 00000000 00:00 0 
7fba6f190000-7fba6f191000 ---p 00000000 00:01 2827                       /memfd:dotnet_ipc_created (deleted)
7fba6f191000-7fba6f192000 rw-s 0000e000 00:01 2826                       /memfd:doublemapper (deleted)
7fba6f192000-7fba6f193000 ---p 00000000 00:00 0 
7fba6f193000-7fba6f196000 rw-p 00000000 00:00 0 
7fba6f196000-7fba6f198000 rw-p 00000000 00:00 0 
7fba6f198000-7fba6f19c000 r--p 00000000 00:00 0                          [vvar]
7fba6f19c000-7fba6f19e000 r--p 00000000 00:00 0                          [vvar_vclock]
7fba6f19e000-7fba6f1a0000 r-xp 00000000 00:00 0                          [vdso]
7fba6f1a0000-7fba6f1a1000 r--p 00000000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7fba6f1a1000-7fba6f1c7000 r-xp 00001000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7fba6f1c7000-7fba6f1d1000 r--p 00027000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7fba6f1d1000-7fba6f1d3000 r--p 00031000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7fba6f1d3000-7fba6f1d5000 rw-p 00033000 fe:00 331651                     /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
7ffd2af97000-7ffd2afb8000 rw-p 00000000 00:00 0                          [stack]
ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]
