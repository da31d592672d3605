using System;

namespace Corpus.Generator.Planning;

/// <summary>
/// One value inside a shard's claims constant (an Id, a member name, a seed path), compared and hashed where it lies.
/// An app checks every claim of every shard on each build, so a value is compared where it lies and copied only to be
/// reported (docs/performance.md, "A corpus split over shards", has the measurements).
/// </summary>
internal readonly struct ClaimSlice : IEquatable<ClaimSlice>
{
    private readonly string _text;
    private readonly int _start;
    private readonly int _hash;

    public ClaimSlice(string text, int start, int length)
    {
        _text = text;
        _start = start;
        Length = length;
        _hash = unchecked((int)Fnv1a.Hash(text, start, length));
    }

    public int Length { get; }

    public static ClaimSlice Of(string value) => new(value, 0, value.Length);

    public bool Equals(ClaimSlice other) =>
        _hash == other._hash && Length == other.Length && string.CompareOrdinal(_text, _start, other._text, other._start, Length) == 0;

    public override bool Equals(object? obj) => obj is ClaimSlice other && Equals(other);

    public override int GetHashCode() => _hash;

    public override string ToString() => _start == 0 && Length == _text.Length ? _text : _text.Substring(_start, Length);
}
