using Corpus.Generator.Reading;

namespace Corpus.Generator.Model;

/// <summary>The outcome of reading one seed: the article when it was accepted, and the seed's own diagnostics.</summary>
internal sealed record SeedResult(ArticleModel? Article, EquatableArray<DiagnosticInfo> Diagnostics, SeedLocation Location);

/// <summary>Where a seed's diagnostics that are found only across the corpus (duplicates) point.</summary>
internal sealed record SeedLocation(string FilePath, int UrlSpanStart, int UrlSpanLength, TextRange UrlRange);

/// <summary>
/// What the index needs of one article: small, so that collecting all of them stays cheap, and nothing about where
/// things sit in the seed file, so that an edit which only moves text (a longer header) leaves the index cached.
/// </summary>
internal sealed record ArticleSummary(SeedKey Key, string Title, string Outlet, string Url, DateValue? PublishedAt)
{
    public static ArticleSummary Of(ArticleModel article) => new(article.Key, article.Title, article.Outlet, article.Url, article.PublishedAt);
}

/// <summary>
/// What the index needs of one article: where it goes in <c>All</c> and in the chunks. No title or outlet, which only
/// the per-article members show: retitling a seed leaves the index cached and rewrites that article's member file.
/// </summary>
internal sealed record IndexEntry(SeedKey Key, DateValue? PublishedAt);

/// <summary>
/// What the corpus-wide checks (CORPUS007 duplicate Id or member, CORPUS008 duplicate URL) need of one of this project's
/// seeds, with where to report it. A shard's seed, read back from its claims, is a <see cref="Planning.ShardClaim"/>.
/// </summary>
internal sealed record SeedClaim(SeedKey Key, string Url, SeedLocation Location);

/// <summary>
/// The data of one article, with the key that places it in a chunk: its encoded header and body (see
/// <see cref="Emitting.RecordEncoder"/>), and its text and HTML as they are, laid out in constants by the emitter.
/// </summary>
internal sealed record ArticleRecord(SeedKey Key, string Header, string Body, string Text, string Html);

/// <summary>The generated index: the public API, the chain of member classes, and where each article's record is.</summary>
/// <param name="Count">How many articles the corpus holds (accepted ones).</param>
/// <param name="ChunkStarts">For each chunk, the index of its first slot in <paramref name="SlotPositions"/>; one more entry for the end.</param>
/// <param name="SlotPositions">For each chunk in order and each record in it, the record's position in <c>All</c>.</param>
/// <param name="MembersPerType">At most this many per-article members in one type; past it they go into a chain of base classes.</param>
/// <param name="MergedOrder">An app over shards: for each position of <c>All</c>, its store and its position there (<see cref="Planning.ShardOrder.Merge"/>); empty to merge at run time.</param>
internal sealed record IndexSpec(
    EmitOptions Options,
    int Count,
    int ChunkCount,
    EquatableArray<int> ChunkStarts,
    EquatableArray<int> SlotPositions,
    int MembersPerType,
    EquatableArray<int> MergedOrder = default);

/// <summary>
/// The chunk classes a full build has (<see cref="Emitting.CorpusEmitter.EmitChunkClasses"/>): the store finds a chunk's
/// class by a method the compiler resolved, not by listing every nested class. Equal across a seed edit unless a chunk
/// gains its first article or loses its last.
/// </summary>
/// <param name="Chunks">The chunks that have articles (and so a class), in order.</param>
internal sealed record ChunkClassesSpec(string? Namespace, string DataClassName, string DataVisibility, EquatableArray<int> Chunks)
{
    public static ChunkClassesSpec Of(IndexSpec index)
    {
        var chunks = new System.Collections.Generic.List<int>();
        for (var chunk = 0; chunk + 1 < index.ChunkStarts.Count; chunk++)
        {
            if (index.ChunkStarts[chunk + 1] > index.ChunkStarts[chunk])
            {
                chunks.Add(chunk);
            }
        }

        return new ChunkClassesSpec(index.Options.Namespace, index.Options.DataClassName, index.Options.DataVisibility, chunks.ToEquatableArray());
    }
}

/// <summary>
/// The documented per-article members of one chunk's articles, in a file of their own, so that retitling a seed
/// rewrites one small file, not the index.
/// </summary>
/// <param name="Count">How many articles the corpus holds: with <paramref name="MembersPerType"/>, which class of the chain a member goes in.</param>
/// <param name="Members">The chunk's articles with their positions in <c>All</c>, in that order.</param>
internal sealed record MemberSpec(EmitOptions Options, int Chunk, int Count, int MembersPerType, EquatableArray<MemberEntry> Members);

/// <summary>One documented member: the article and its position in <c>All</c>.</summary>
internal sealed record MemberEntry(ArticleSummary Article, int Position);

/// <summary>One data chunk: the records of the articles whose Id hashes to it, ordered by Id.</summary>
internal sealed record ChunkSpec(string? Namespace, string DataClassName, string GeneratorVersion, int Chunk, EquatableArray<ArticleRecord> Records)
{
    /// <summary>The data class's access modifier: public in a shard, whose apps read its store.</summary>
    public string DataVisibility { get; init; } = "internal";
}

/// <summary>
/// What a project that is a shard writes for the apps that reference it (Corpus.Shard.g.cs): its mark on the assembly and
/// its claims. An app reads them back as a <see cref="ShardReference"/>.
/// </summary>
/// <param name="Claims">The accepted seeds' Ids, member names, seed paths and URLs (<see cref="Planning.ShardClaims.Encode"/>).</param>
/// <param name="Order">Their order keys, in the same order (<see cref="Planning.ShardOrder.Encode"/>).</param>
internal sealed record ShardFileSpec(EmitOptions Options, int Count, string Claims, string Order);
