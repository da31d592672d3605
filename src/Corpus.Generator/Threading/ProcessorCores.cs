using System;

namespace Corpus.Generator.Threading;

/// <summary>The machine's cores: how many threads the generator's parallel work uses.</summary>
internal static class ProcessorCores
{
    // RS1035 bans Environment for its settings; the number of cores is the machine's, not a setting.
#pragma warning disable RS1035
    public static int Count => Environment.ProcessorCount;
#pragma warning restore RS1035
}
