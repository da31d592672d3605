using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Corpus.Generator.Model;
using Corpus.Generator.Reading;

namespace Corpus.Generator.Tests.RealCorpus;

/// <summary>One file of the shared corpus, as the manifest lists it.</summary>
internal sealed record CorpusFile(string Variant, string Name, string Path, string ManifestOutlet, string Tags);

/// <summary>Reads files of the shared corpus (<c>../shared/corpus</c>) through the generator's pure glue, as a build would.</summary>
internal static class SharedCorpus
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The manifest's outlet names for the nine outlets the reader knows by URL.</summary>
    public static readonly IReadOnlyDictionary<string, string> KnownOutlets = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["法广"] = "RFI",
        ["BBC"] = "BBC",
        ["德国之声"] = "DW",
        ["美国之音"] = "VOA",
        ["路透"] = "Reuters",
        ["金融时报"] = "FT",
        ["纽约时报"] = "NYT",
        ["自由亚洲电台"] = "RFA",
        ["中国数字时代"] = "China Digital Times",
    };

    public static IReadOnlyList<CorpusFile> Files(string corpus)
    {
        var files = new List<CorpusFile>();
        foreach (var line in File.ReadLines(System.IO.Path.Combine(corpus, "manifest.tsv")).Skip(1))
        {
            var columns = line.Split('\t');
            if (columns.Length < 7)
            {
                continue;
            }

            var slash = columns[0].IndexOf('/', StringComparison.Ordinal);
            files.Add(new CorpusFile(
                columns[0].Substring(0, slash),
                columns[0].Substring(slash + 1),
                System.IO.Path.Combine(corpus, columns[0]),
                columns[6],
                columns.Length > 8 ? columns[8] : string.Empty));
        }

        return files;
    }

    /// <summary>The file at <c>variant/name</c>, or null when the shared corpus is not present.</summary>
    public static string? PathOf(string variant, string name)
    {
        var corpus = Repository.SharedCorpus;
        return corpus is null ? null : System.IO.Path.Combine(corpus, variant, name);
    }

    public static ArticleReadResult Read(string path)
    {
        var text = StrictUtf8.GetString(File.ReadAllBytes(path));
        var id = System.IO.Path.GetFileNameWithoutExtension(path);
        var key = new SeedKey(id, "A" + id, "seeds/" + System.IO.Path.GetFileName(path));
        return ArticleReader.Read(new SeedInput(path, key, text, null, 0, ReadOptions.DefaultMaxSeedBytes), CancellationToken.None);
    }
}
