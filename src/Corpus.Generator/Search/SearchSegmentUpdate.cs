using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Corpus.Generator.Search;

/// <summary>
/// A segment written again after an edit: from its previous write when only a few documents changed (the same count
/// and order, the others the very same cached <see cref="SearchDocument"/> objects), collecting and coding only the
/// terms those documents have, before or after the edit (a few thousand of a segment's hundreds of thousands), and
/// keeping every other term's data as it was: a term no changed document has keeps its documents, their numbers, their
/// counts and positions, so its bytes. The directory and the block cut are made again (cheap). The bytes are a full
/// write's.
/// </summary>
/// <remarks>
/// A CJK character's data also depends on its bigrams' postings (<see cref="SearchIndexWriter.FullCharacterPostings"/>):
/// a changed bigram's character is selected with it, and the bigrams not selected count with their previous document
/// frequencies. The previous write is kept beside its first and last documents (weak keys: it lives as long as the driver
/// keeps them, and is found again by whichever of the two the edit left).
/// </remarks>
internal static class SearchSegmentUpdate
{
    private static readonly ConditionalWeakTable<SearchDocument, SearchSegmentWrite> Kept = new();

    private static readonly object KeptLock = new();

    /// <summary>The segment's directory and blocks, from its previous write where that can be done, and this write kept for the next.</summary>
    public static (byte[] Directory, List<byte[]> Blocks) Write(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
    {
        SearchSegmentTerms? terms = null;
        foreach (var previous in Previous(documents))
        {
            terms = Terms(previous, documents, cancellationToken);
            if (terms is not null)
            {
                break;
            }
        }

        terms ??= SearchIndexWriter.Terms(documents, SearchIndexWriter.DefaultPartitions(documents.Count), null, cancellationToken);
        Keep(new SearchSegmentWrite([.. documents], terms));
        return SearchIndexWriter.Write(documents, terms, null);
    }

    /// <summary>
    /// The terms of <paramref name="documents"/> made from <paramref name="previous"/>, or null when the documents differ by
    /// more than a few (then a full write costs no more).
    /// </summary>
    internal static SearchSegmentTerms? Terms(SearchSegmentWrite previous, IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken)
    {
        if (previous.Documents.Length != documents.Count)
        {
            return null;
        }

        var changed = new List<int>();
        for (var i = 0; i < documents.Count; i++)
        {
            if (!ReferenceEquals(previous.Documents[i], documents[i]))
            {
                changed.Add(i);
                if (changed.Count > MaxChanged(documents.Count))
                {
                    return null;
                }
            }
        }

        if (changed.Count == 0)
        {
            return previous.Terms;
        }

        var selection = Selection(changed.Select(i => previous.Documents[i]).Concat(changed.Select(i => documents[i])));
        var partition = new SearchTermPartition(documents, selection, previous.Terms);
        partition.Run(cancellationToken);
        return Merged(previous.Terms, selection, partition);
    }

    /// <summary>The most documents changed that a segment of <paramref name="documents"/> is written from its previous write with.</summary>
    internal static int MaxChanged(int documents) => Math.Max(2, documents / 16);

    /// <summary>Every term of <paramref name="changed"/>, and the character of each CJK bigram among them, in ordinal order.</summary>
    private static string[] Selection(IEnumerable<SearchDocument> changed)
    {
        var selection = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in changed)
        {
            foreach (var term in document.TermList())
            {
                selection.Add(term);
                var character = term.Length > 1 && SearchTermKind.IsCjkCharacter(term.AsSpan(0, 1)) ? 1
                    : term.Length > 2 && SearchTermKind.IsCjkCharacter(term.AsSpan(0, 2)) ? 2
                    : 0;
                if (character > 0)
                {
                    selection.Add(term.Substring(0, character));
                }
            }
        }

        var ordered = selection.ToArray();
        Array.Sort(ordered, StringComparer.Ordinal);
        return ordered;
    }

    /// <summary>The previous terms not selected and the selected terms coded again, in one ordinal order (a selected term no document has any more is gone).</summary>
    [MethodImpl(Jit.Optimized)]
    private static SearchSegmentTerms Merged(SearchSegmentTerms previous, string[] selection, SearchTermPartition coded)
    {
        var codedCount = coded.Ordered.Length;
        var codedBytes = codedCount == 0 ? 0 : coded.DataEnds[codedCount - 1];
        var terms = new SearchSegmentTerms(previous.Count + codedCount, previous.Characters + coded.Characters, previous.DataBytes + codedBytes);
        var place = 0;
        var selected = 0;
        for (var k = 0; k < previous.Count; k++)
        {
            var term = previous.Term(k);
            while (place < codedCount && coded.Term(place).SequenceCompareTo(term) < 0)
            {
                coded.AddTo(terms, place++);
            }

            while (selected < selection.Length && selection[selected].AsSpan().SequenceCompareTo(term) < 0)
            {
                selected++;
            }

            if (selected < selection.Length && term.SequenceEqual(selection[selected].AsSpan()))
            {
                // Selected: coded again (then added in order above or below), or no longer in any document.
                continue;
            }

            terms.Add(term, previous.DocumentFrequency(k), previous.Data(k));
        }

        while (place < codedCount)
        {
            coded.AddTo(terms, place++);
        }

        return terms;
    }

    /// <summary>The writes kept beside the first and the last of <paramref name="documents"/>.</summary>
    private static List<SearchSegmentWrite> Previous(IReadOnlyList<SearchDocument> documents)
    {
        var found = new List<SearchSegmentWrite>(2);
        if (documents.Count == 0)
        {
            return found;
        }

        lock (KeptLock)
        {
            foreach (var key in new[] { documents[0], documents[documents.Count - 1] })
            {
                if (Kept.TryGetValue(key, out var write) && !found.Contains(write))
                {
                    found.Add(write);
                }
            }
        }

        return found;
    }

    private static void Keep(SearchSegmentWrite write)
    {
        if (write.Documents.Length == 0)
        {
            return;
        }

        lock (KeptLock)
        {
            foreach (var key in new[] { write.Documents[0], write.Documents[write.Documents.Length - 1] })
            {
                Kept.Remove(key);
                Kept.Add(key, write);
            }
        }
    }
}

/// <summary>One write of a segment: its documents (the very objects) and its terms, what the next write of it starts from.</summary>
internal sealed class SearchSegmentWrite(SearchDocument[] documents, SearchSegmentTerms terms)
{
    public SearchDocument[] Documents { get; } = documents;

    public SearchSegmentTerms Terms { get; } = terms;
}
