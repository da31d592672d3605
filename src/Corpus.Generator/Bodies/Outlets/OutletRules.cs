using System;
using System.Collections.Generic;
using AngleSharp.Dom;
using Corpus.Generator.Reading;

namespace Corpus.Generator.Bodies;

/// <summary>What an element is to the cleaning pass, by an outlet's rules.</summary>
internal enum Boilerplate
{
    /// <summary>Not the outlet's boilerplate: the element stays.</summary>
    None,

    /// <summary>Removed from the HTML and the text.</summary>
    Removed,

    /// <summary>An agency credit line (<c>© 2020 AFP</c>): removed, its text kept as <see cref="BodyContent.Credit"/>.</summary>
    Credit,
}

/// <summary>
/// One outlet's rules for its bodies: the boilerplate its feed writes, the text that is not the article's, its marked
/// lead and the clock of its zone-less dates. Each outlet's rules are one file in this folder; an outlet without rules
/// has none, and a new file is listed once in <see cref="All"/>.
/// </summary>
/// <remarks>
/// Boilerplate and screen chrome are recognised in every body, whatever its outlet (a repost carries them); the lead and
/// the date clock apply to the outlet's own bodies only.
/// </remarks>
internal abstract class OutletRules
{
    /// <summary>
    /// Every outlet's rules, in the order the cleaning pass asks them: the first that claims an element decides, so a
    /// rule that also removes a separator before its element (the feed footers) comes after the rules it may overlap.
    /// </summary>
    private static readonly OutletRules[] All =
    [
        new RfiRules(),
        new BbcRules(),
        new FeedRendererRules(),
        new ChinaDigitalTimesRules(),
        new ReutersRules(),
        new DwRules(),
        new FtRules(),
        new NytRules(),
    ];

    private static readonly Dictionary<string, OutletRules> ByOutlet = IndexByOutlet();

    /// <summary>Every outlet's screen-chrome class tokens in one array: the block pass asks it of every element.</summary>
    private static readonly string[] ScreenChromeClasses = CollectScreenChromeClasses();

    /// <summary>The <see cref="Outlets"/> name whose lead and date rules these are; null for rules of no one outlet.</summary>
    public abstract string? Outlet { get; }

    /// <summary>Whether <paramref name="element"/> is this outlet's boilerplate; may remove a separator before it.</summary>
    /// <param name="element">An element the cleaning pass reached (its ancestors are kept).</param>
    /// <param name="classes">The element's <c>class</c> attribute, read once for every outlet.</param>
    public virtual Boilerplate Classify(IElement element, string? classes) => Boilerplate.None;

    /// <summary>Class tokens of text that is not the article's (screen-reader labels): it stays in the HTML, not in the text.</summary>
    protected virtual IReadOnlyList<string> ScreenChrome => [];

    /// <summary>Whether <paramref name="element"/>, met before any other block of the outlet's body, is its marked lead.</summary>
    public virtual bool IsLead(IElement element) => false;

    /// <summary>Whether loose text before the lead element leaves it the lead (it is a block once the element is met).</summary>
    public virtual bool LeadMayFollowLooseText => false;

    /// <summary>The offset of a date element's ISO time that names no zone: the clock the outlet's feed writes it on.</summary>
    /// <param name="spaceSeparated">True for <c>2020-07-20 19:22:17</c>, false for <c>2020-07-20T19:22:17</c>.</param>
    /// <remarks>UTC unless an outlet says otherwise: Reuters writes UTC, and it is the least surprising reading for others.</remarks>
    public virtual TimeSpan ZonelessTimeOffset(bool spaceSeparated) => TimeSpan.Zero;

    /// <summary>The rules for <paramref name="outlet"/>'s own bodies; rules that say nothing for an outlet without any.</summary>
    public static OutletRules For(string outlet) => ByOutlet.TryGetValue(outlet, out var rules) ? rules : NoRules.Instance;

    /// <summary>What the first outlet that claims <paramref name="element"/> says it is.</summary>
    public static Boilerplate ClassifyInAnyOutlet(IElement element, string? classes)
    {
        foreach (var rules in All)
        {
            var verdict = rules.Classify(element, classes);
            if (verdict != Boilerplate.None)
            {
                return verdict;
            }
        }

        return Boilerplate.None;
    }

    /// <summary>Text of some outlet's screen chrome (see <see cref="ScreenChrome"/>), in any body.</summary>
    public static bool IsScreenChrome(IElement element)
    {
        var classes = element.GetAttribute("class");
        if (classes is null)
        {
            return false;
        }

        foreach (var token in ScreenChromeClasses)
        {
            if (Dom.HasToken(classes, token))
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, OutletRules> IndexByOutlet()
    {
        var byOutlet = new Dictionary<string, OutletRules>(StringComparer.Ordinal);
        foreach (var rules in All)
        {
            if (rules.Outlet is { } outlet)
            {
                byOutlet.Add(outlet, rules);
            }
        }

        return byOutlet;
    }

    private static string[] CollectScreenChromeClasses()
    {
        var tokens = new List<string>();
        foreach (var rules in All)
        {
            tokens.AddRange(rules.ScreenChrome);
        }

        return tokens.ToArray();
    }

    private sealed class NoRules : OutletRules
    {
        public static readonly NoRules Instance = new();

        public override string? Outlet => null;
    }
}
