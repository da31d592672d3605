using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Consumer.Search;

/// <summary>The generated index: <c>Articles.Search</c>, the first ten hits (their snippets made, as a page shows them).</summary>
internal static partial class IndexEngine
{
    public static (int Total, IReadOnlyList<string> Ids) Search(string query)
    {
        var results = Articles.Search(query, new SearchOptions { Take = 10 });
        return (results.Total, results.Hits.Select(h => h.Article.Id).ToArray());
    }

    /// <summary>
    /// The index as compiled into the assemblies: the generator writes each segment as a nested class <c>SearchNNNN</c> of a
    /// data class (the project's, or each shard's) whose <c>const string</c> fields hold the packed bytes (15 bits a
    /// character). Returns the characters' storage (UTF-16, 2 bytes each) and the bytes they pack. Read by reflection over
    /// the loaded corpus assemblies (call it after <c>Articles.All</c>, which loads the shards), so only in <c>--stats</c>.
    /// </summary>
    public static (long StoredBytes, long PackedBytes) Size()
    {
        long characters = 0;
        // The project's assembly and every shard's (marked with Corpus.Runtime's CorpusShardAttribute).
        var corpora = AppDomain.CurrentDomain.GetAssemblies().Where(a => a == typeof(Articles).Assembly
            || a.GetCustomAttributesData().Any(d => d.AttributeType.Name == "CorpusShardAttribute"));
        var types = corpora.SelectMany(a => a.GetTypes());
        foreach (var type in types.Where(t => t.IsNested && Segment().IsMatch(t.Name)))
        {
            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).Where(f => f.IsLiteral))
            {
                characters += field.GetRawConstantValue() is string value ? value.Length : 0;
            }
        }

        return (characters * 2, characters * 15 / 8);
    }

    [GeneratedRegex(@"^Search[0-9]{4}$")]
    private static partial Regex Segment();
}
