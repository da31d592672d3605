using System;
// Floor: the wall clock (Unix µs) at the first line of Main; the caller subtracts its own clock taken just before exec.
Console.WriteLine((DateTime.UtcNow - DateTime.UnixEpoch).Ticks / 10);
