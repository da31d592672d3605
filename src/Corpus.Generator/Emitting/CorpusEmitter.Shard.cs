using System.Globalization;
using Corpus.Generator.Model;

namespace Corpus.Generator.Emitting;

internal static partial class CorpusEmitter
{
    /// <summary>
    /// A shard's mark on its assembly, which the generator of an app that references it looks for, and its claims: the
    /// Ids, member names, seed paths and URLs of its seeds, read by that app (through the compiler's symbols) to find
    /// duplicates across shards, and their order keys, from which that app orders All at compile time. A live output: the
    /// IDE's app sees the shards too.
    /// </summary>
    public static string EmitShard(ShardFileSpec spec)
    {
        var options = spec.Options;
        var data = Qualified(options.Namespace, options.DataClassName);
        var writer = new IndentedWriter(1024 + ((spec.Claims.Length + spec.Order.Length) * 11 / 10));
        WriteFileHeader(writer, "The corpus shard's mark and claims. Articles: " + spec.Count.ToString(CultureInfo.InvariantCulture) + ".");
        writer.Line($"[assembly: global::{ShardDiscovery.RuntimeNamespace}.CorpusShard(typeof({data}), {RecordEncoder.FormatVersion.ToString(CultureInfo.InvariantCulture)}, {spec.Count.ToString(CultureInfo.InvariantCulture)})]");
        writer.Line();
        using (OpenNamespace(writer, options.Namespace))
        {
            using (writer.Open($"{options.DataVisibility} static partial class {options.DataClassName}"))
            {
                writer.Line("/// <summary>For the generators of the apps that reference this shard: each seed's Id, member name, seed path and URL.</summary>");
                writer.Line("public const string " + ShardDiscovery.ClaimsName + " =");
                writer.Literal("    ", spec.Claims, ";");
                writer.Line();
                writer.Line("/// <summary>For the generators of the apps that reference this shard: each seed's PublishedAt in UTC ticks (nothing when it has none), then ';', in the order of the claims.</summary>");
                writer.Line("public const string " + ShardDiscovery.OrderName + " =");
                writer.Literal("    ", spec.Order, ";");
            }
        }

        return writer.ToString();
    }

    /// <summary>
    /// A shard's full build only, once its index segments are written: the size of its data constants, which an app
    /// published with NativeAOT keeps in its reflection metadata. The app compiles against the shard's reference
    /// assembly, which holds no data but does hold this public constant, and adds it up (CORPUS020).
    /// </summary>
    public static string EmitShardSize(EmitOptions options, int kibibytes)
    {
        var writer = new IndentedWriter(1024);
        WriteFileHeader(writer, "The corpus shard's data size, for the apps that reference it.");
        using (OpenNamespace(writer, options.Namespace))
        {
            using (writer.Open($"{options.DataVisibility} static partial class {options.DataClassName}"))
            {
                writer.Line($"/// <summary>For the generators of the apps that reference this shard: its articles' and search index's constants, in KiB as UTF-16 (to the nearest {Planning.NativeAotCheck.ShardStepKibibytes.ToString(CultureInfo.InvariantCulture)}), which an app published with NativeAOT keeps in its reflection metadata.</summary>");
                writer.Line("public const int " + ShardDiscovery.ConstantsKibibytesName + " = " + kibibytes.ToString(CultureInfo.InvariantCulture) + ";");
            }
        }

        return writer.ToString();
    }
}
