using System;
using System.Runtime.CompilerServices;

namespace Corpus.Generator.Search;

/// <summary>
/// <see cref="SearchAnalyzer.IsCjkTerm"/>, <see cref="SearchIndexFormat.HasPositions"/> and <see cref="SearchIndexFormat.KeepsPositions"/> over a term's characters
/// where they sit (a <see cref="SearchTermTable"/>, a document's term string), so the generator needs no string per term.
/// </summary>
internal static class SearchTermKind
{
    /// <summary>Whether the term is one CJK character (two UTF-16 units outside the BMP), as <see cref="SearchAnalyzer.IsCjkTerm"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsCjkCharacter(ReadOnlySpan<char> term) =>
        term.Length == 1 ? SearchAnalyzer.IsCjk(term[0]) : term.Length == 2 && SearchAnalyzer.IsCjkHighSurrogate(term[0]) && char.IsLowSurrogate(term[1]);

    /// <summary>Whether the index keeps the term's positions, as <see cref="SearchIndexFormat.HasPositions"/>: words and CJK bigrams.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool HasPositions(ReadOnlySpan<char> term) => term.Length > 0 && term[0] != SearchAnalyzer.TagMark && !IsCjkCharacter(term);

    /// <summary>Whether the index keeps the positions of a term in <paramref name="documents"/> documents of its segment, as <see cref="SearchIndexFormat.KeepsPositions"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool KeepsPositions(ReadOnlySpan<char> term, int documents) =>
        HasPositions(term) && (documents >= SearchIndexFormat.BigramPositionsFrom || !(SearchAnalyzer.IsCjk(term[0]) || SearchAnalyzer.IsCjkHighSurrogate(term[0])));
}
