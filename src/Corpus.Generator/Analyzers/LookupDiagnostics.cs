namespace Corpus.Generator.Analyzers;

/// <summary>
/// The names the lookup analyzer and its code fix share. Roslyn-free: the code-fix assembly compiles this file too
/// (linked), so it needs no reference to the generator assembly.
/// </summary>
internal static class LookupDiagnostics
{
    /// <summary>A constant Id or URL that no article has (warning).</summary>
    public const string UnknownId = "CORPUS015";

    /// <summary>A constant Id or URL that one article has: the lookup can be that article's member (suggestion, with a fix).</summary>
    public const string MemberAvailableId = "CORPUS016";

    /// <summary>Property of a <see cref="MemberAvailableId"/> diagnostic: the member's name (<c>Seed_000_153ef59660deb970</c>).</summary>
    public const string MemberNameProperty = "MemberName";

    /// <summary>
    /// Property of a <see cref="MemberAvailableId"/> diagnostic for an article of a referenced shard: the class that holds
    /// its member, with its namespace (<c>News2022.Articles</c>); absent for the project's own articles.
    /// </summary>
    public const string MemberClassProperty = "MemberClass";
}
