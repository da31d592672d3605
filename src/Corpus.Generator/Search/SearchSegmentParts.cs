using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Corpus.Generator.Emitting;
using Microsoft.CodeAnalysis.Text;

namespace Corpus.Generator.Search;

/// <summary>
/// A segment's file in parts (<c>Corpus.Search.0000.g.cs</c>, <c>Corpus.Search.0000.1.g.cs</c>, …), each declaring the
/// segment's class <c>partial</c> with some of its constants, whole and in order: each part's packing, text and compiler
/// text (<see cref="EmbeddedSourceText"/>: the hash and the PDB's deflated blob, 0.2 s a segment of 5,000 articles on one
/// core) are made on its own thread. The split depends on the constants' lengths alone, never on the machine: the same
/// seeds give the same files everywhere.
/// </summary>
internal static class SearchSegmentParts
{
    /// <summary>
    /// The characters of a part, about: a segment of more is split into parts of about equal size (a segment of 5,000
    /// articles, about 6 million characters, into 4). Measured (bench/results/search-segment-parts): smaller parts gain no
    /// wall time on 2 cores and each is one more syntax tree and embedded text for the compiler.
    /// </summary>
    public const int PartCharacters = 2_000_000;

    /// <summary>The compiler texts of the segment's parts, in order, with their hint names.</summary>
    public static (string HintName, SourceText Text)[] Texts(SearchSegmentSpec spec, byte[] directory, List<byte[]> blocks, CancellationToken cancellationToken) =>
        Make(spec, directory, blocks, PartCharacters, static (hintName, file) => (hintName, EmbeddedSourceText.From(file)), cancellationToken);

    /// <summary>
    /// Each part's file made and turned into a <typeparamref name="T"/> by <paramref name="finish"/> (given its hint name
    /// and its characters), on its own thread when there are more than one.
    /// </summary>
    internal static T[] Make<T>(SearchSegmentSpec spec, byte[] directory, List<byte[]> blocks, int partCharacters, Func<string, char[], T> finish, CancellationToken cancellationToken)
    {
        var constants = Constants(directory, blocks);
        var parts = Split(constants, partCharacters);
        var results = new T[parts.Count];
        void MakePart(int part)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (first, count) = parts[part];
            var file = SearchEmitter.SegmentPart(spec, directory, blocks, constants.GetRange(first, count), part, parts.Count);
            results[part] = finish(SearchEmitter.SegmentHintName(spec.Segment, part), file);
        }

        if (parts.Count == 1)
        {
            MakePart(0);
        }
        else
        {
            Parallel.For(0, parts.Count, new ParallelOptions { CancellationToken = cancellationToken }, MakePart);
        }

        return results;
    }

    /// <summary>The segment's constants in order: the directory, then one a group of blocks.</summary>
    internal static List<Constant> Constants(byte[] directory, List<byte[]> blocks)
    {
        var constants = new List<Constant>(1 + ((blocks.Count + SearchIndexFormat.BlocksPerConstant - 1) / SearchIndexFormat.BlocksPerConstant))
        {
            new(SearchEmitter.DirectoryName, -1, 0, SearchIndexFormat.PackedLength(directory.Length)),
        };
        for (var first = 0; first < blocks.Count; first += SearchIndexFormat.BlocksPerConstant)
        {
            var count = Math.Min(SearchIndexFormat.BlocksPerConstant, blocks.Count - first);
            long length = 0;
            for (var block = first; block < first + count; block++)
            {
                length += SearchIndexFormat.PackedLength(blocks[block].Length);
            }

            constants.Add(new Constant(SearchIndexFormat.BlockGroupName(first), first, count, length));
        }

        return constants;
    }

    /// <summary>
    /// The parts, as ranges of <paramref name="constants"/>: ⌈characters / <paramref name="partCharacters"/>⌉ of them,
    /// each constant in the part where its middle character falls (so in order, and about equal parts); none empty.
    /// </summary>
    internal static List<(int First, int Count)> Split(IReadOnlyList<Constant> constants, int partCharacters)
    {
        long total = 0;
        foreach (var constant in constants)
        {
            total += constant.Characters;
        }

        var count = (int)Math.Max(1, Math.Min(constants.Count, (total + partCharacters - 1) / partCharacters));
        var parts = new List<(int First, int Count)>(count);
        long start = 0;
        var previous = -1;
        for (var i = 0; i < constants.Count; i++)
        {
            var part = (int)(((start + (constants[i].Characters / 2)) * count) / Math.Max(1, total));
            start += constants[i].Characters;
            if (part != previous || parts.Count == 0)
            {
                parts.Add((i, 1));
                previous = part;
            }
            else
            {
                parts[parts.Count - 1] = (parts[parts.Count - 1].First, parts[parts.Count - 1].Count + 1);
            }
        }

        return parts;
    }

    /// <summary>A constant of a segment: its name, its blocks (none, first -1: the directory) and its packed characters.</summary>
    internal readonly record struct Constant(string Name, int FirstBlock, int BlockCount, long Characters)
    {
        public bool IsDirectory => FirstBlock < 0;

        public override string ToString() => Name + " (" + Characters.ToString(CultureInfo.InvariantCulture) + " characters)";
    }
}
