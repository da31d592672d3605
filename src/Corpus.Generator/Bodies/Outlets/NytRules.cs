using System;
using Corpus.Generator.Reading;

namespace Corpus.Generator.Bodies;

/// <summary>NYT: the Beijing clock of its date elements.</summary>
/// <remarks>Its byline may name one author twice; the date element reads each name once, for any outlet.</remarks>
internal sealed class NytRules : OutletRules
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public override string? Outlet => Outlets.Nyt;

    /// <summary>The renderer writes NYT's <c>2020-07-20 19:22:17</c> on Beijing's clock.</summary>
    public override TimeSpan ZonelessTimeOffset(bool spaceSeparated) => spaceSeparated ? Beijing : TimeSpan.Zero;
}
