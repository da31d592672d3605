using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Corpus.Generator.Emitting;
using Corpus.Generator.Model;

namespace Corpus.Generator.Search;

/// <summary>
/// One seed as the search index sees it, analysed once per seed and cached with it: the lengths and facet values of
/// the article, its tags, and its terms with their positions (<see cref="SearchAnalyzer"/>, the runtime's analysis):
/// words, single CJK characters and the bigrams of CJK characters that touch (<see cref="SearchAnalyzer.Bigram"/>).
/// Two objects hold the terms, whatever their number (the cached models of 10,000 seeds stay small).
/// </summary>
/// <param name="TitleSpan">One past the title's last position (SearchIndexWriter codes positions below it).</param>
/// <param name="TextSpan">One past the text's last position.</param>
/// <param name="TermCount">How many distinct terms (the writer sizes its arrays by it).</param>
/// <param name="Terms">Every distinct term (tags as <see cref="SearchAnalyzer.TagTerm"/>) one after the other with nothing
/// between, <see cref="Buckets"/> by bucket (<see cref="BucketOf"/> its first character), each bucket's in the order they
/// first came (title, text, tags): <paramref name="Postings"/> gives their lengths. Not sorted: the writer orders a
/// segment's terms once, not every document's; in buckets, so that each of the writer's partitions reads its own.</param>
/// <param name="Postings">First, for each bucket, how many characters of <paramref name="Terms"/> and how many bytes of
/// what follows its terms take. Then for each term in order: its length in <paramref name="Terms"/>, its count in the title, its
/// count in the text, then, for a CJK character, how many of those in the title and in the text end a run of CJK (no
/// CJK character touches them after: the others start one of its bigrams), or, for a term whose positions the index
/// keeps (<see cref="SearchIndexFormat.HasPositions"/>), its title positions and its text positions already coded as the
/// index codes them (<see cref="BitWriter.Positions"/>, below each field's span): how many bits, then those bits in whole
/// bytes, lowest first. The rest are varints.</param>
internal sealed record SearchDocument(
    SeedKey Key,
    int TitleLength,
    int TextLength,
    int TitleSpan,
    int TextSpan,
    string Outlet,
    string Language,
    long DateCode,
    int Year,
    int TermCount,
    string Terms,
    EquatableArray<byte> Postings)
{
    // One per thread: the generator analyses seeds in parallel, and each analysis reuses its tables.
    [ThreadStatic]
    private static SearchDocumentAnalysis? _analysis;

    public static SearchDocument Of(ArticleModel article)
    {
        var analysis = _analysis ??= new SearchDocumentAnalysis();
        var (titleLength, titleSpan) = analysis.Field(RecordEncoder.WellFormed(article.Title), inTitle: true);
        var (textLength, textSpan) = analysis.Field(RecordEncoder.WellFormed(article.Text), inTitle: false);
        foreach (var tag in article.Tags)
        {
            analysis.Tag(SearchAnalyzer.TagTerm(tag));
        }

        var (count, terms, postings) = analysis.Finish(titleSpan, textSpan);
        var published = article.PublishedAt;
        return new SearchDocument(
            article.Key,
            titleLength,
            textLength,
            titleSpan,
            textSpan,
            article.Outlet,
            article.Language,
            SearchIndexFormat.DateCode(published?.UtcTicks),
            published is null ? 0 : published.ToDateTimeOffset().Year,
            count,
            terms,
            new EquatableArray<byte>(postings));
    }

    /// <summary>How many buckets a document's terms are written in (the writer's partitions are 1, 2 or 4: each reads its own buckets).</summary>
    public const int Buckets = 4;

    /// <summary>The bucket of a term that starts with <paramref name="first"/>.</summary>
    public static int BucketOf(char first) => first % Buckets;

    /// <summary>Where the terms of <paramref name="bucket"/> start in <see cref="Terms"/>, and where their postings start and end in <see cref="Postings"/>.</summary>
    public (int Terms, int Start, int End) Bucket(int bucket)
    {
        var postings = Postings.AsImmutableArray().AsSpan();
        var offset = 0;
        int characters = 0, bytes = 0, terms = 0, start = 0, end = 0;
        for (var b = 0; b < Buckets; b++)
        {
            var bucketCharacters = VarintWriter.Read(postings, ref offset);
            var bucketBytes = VarintWriter.Read(postings, ref offset);
            if (b == bucket)
            {
                (terms, start, end) = (characters, bytes, bytes + bucketBytes);
            }

            characters += bucketCharacters;
            bytes += bucketBytes;
        }

        return (terms, offset + start, offset + end);
    }

    /// <summary>Reads past a term's coded positions at <paramref name="offset"/> in <see cref="Postings"/> (their bit count, then their bytes); their bit count.</summary>
    [MethodImpl(Jit.Inlined)]
    public static int SkipPositions(ReadOnlySpan<byte> postings, ref int offset)
    {
        var bits = VarintWriter.Read(postings, ref offset);
        offset += PositionBytes(bits);
        return bits;
    }

    /// <summary>The whole bytes that hold <paramref name="bits"/> bits of coded positions.</summary>
    public static int PositionBytes(int bits) => (bits + 7) >> 3;

    /// <summary>The distinct terms in their order, as strings (for reports and tests; the writer reads <see cref="Terms"/> in place).</summary>
    public IEnumerable<string> TermList()
    {
        var offset = Bucket(0).Start;
        var at = 0;
        while (offset < Postings.Count)
        {
            var postings = Postings.AsImmutableArray().AsSpan();
            var length = VarintWriter.Read(postings, ref offset);
            var inTitle = VarintWriter.Read(postings, ref offset);
            var inText = VarintWriter.Read(postings, ref offset);
            var term = Terms.Substring(at, length);
            at += length;
            // A character's two run-end counts, or a term's positions (their bits).
            if (SearchTermKind.IsCjkCharacter(term.AsSpan()))
            {
                VarintWriter.Read(postings, ref offset);
                VarintWriter.Read(postings, ref offset);
            }
            else if (SearchTermKind.HasPositions(term.AsSpan()))
            {
                SkipPositions(postings, ref offset);
            }

            yield return term;
        }
    }
}
