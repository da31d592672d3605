using System.Globalization;
using Corpus.Generator.Model;

namespace Corpus.Generator.Emitting;

internal static partial class CorpusEmitter
{
    /// <summary>
    /// The data class's finder of its chunk classes, for full builds only (implementing the partial method the index
    /// declares): a switch over one method per chunk, each <c>typeof</c> its class. Reflection would list (and load)
    /// every nested class to find one (0.3–0.9 ms a 10,000-article store); the JIT resolves a method's tokens when it
    /// compiles it, so each class is behind a method of its own and loads when its chunk is first read.
    /// </summary>
    public static string EmitChunkClasses(ChunkClassesSpec spec)
    {
        var writer = new IndentedWriter(512 + (spec.Chunks.Count * 120));
        WriteFileHeader(writer, "Where the store finds each data chunk's class. Chunks: " + spec.Chunks.Count.ToString(CultureInfo.InvariantCulture) + ".");
        using (OpenNamespace(writer, spec.Namespace))
        {
            using (writer.Open($"{spec.DataVisibility} static partial class {spec.DataClassName}"))
            {
                using (writer.Open("static partial void " + FindChunkClassName + "(int chunk, ref global::System.Type? type)"))
                {
                    using (writer.Open("switch (chunk)"))
                    {
                        foreach (var chunk in spec.Chunks)
                        {
                            writer.Line($"case {chunk.ToString(CultureInfo.InvariantCulture)}: type = {ChunkName(chunk)}Class(); break;");
                        }
                    }
                }

                foreach (var chunk in spec.Chunks)
                {
                    writer.Line();
                    writer.Line($"private static global::System.Type {ChunkName(chunk)}Class() => typeof({ChunkName(chunk)});");
                }
            }
        }

        return writer.ToString();
    }

    /// <summary>The partial method of the data class that gives a chunk's class (none in a design-time build).</summary>
    internal const string FindChunkClassName = "FindChunkClass";
}
