namespace Corpus.Web.Tests;

/// <summary>
/// Values of the repository's seed, seeds/000_153ef59660deb970.txt (RFI, rfi.fr/cn 2022-01-12), read by hand from the
/// file: the title block, the bold first paragraph (the lead), the two bold-only paragraphs (the headings), the date div.
/// It is in every build of the sample, and the newest article, so it heads the home page.
/// </summary>
internal static class RepositorySeed
{
    public const string Id = "000_153ef59660deb970";

    public const string Title = "俄罗斯一只手与北约会谈 另只手在乌克兰边境举行军演";

    public const string RawTitle = "俄罗斯一只手与北约会谈 另只手在乌克兰边境举行军演 - 要闻解说";

    public const string Column = "要闻解说";

    // The bold paragraph ends in 16 spaces inside <strong>: trimmed.
    public const string Lead = "今天（1月12日），俄罗斯将向北约提出其对欧洲安全保障的要求，此前俄罗斯与美国在日内瓦举行的紧张会谈显示出双方存在重大分歧需要弥合。";

    public const string FirstHeading = "美国重建北约以对抗俄罗斯，计划却被普京打乱";

    public const string SecondHeading = "与北约会谈前夕 俄在乌克兰边境实弹演习";

    // <div>12/01/2022 - 12:44</div>: Paris time in January, UTC+01:00.
    public const string PublishedAt = "2022-01-12T12:44:00+01:00";

    // <!--1641989702000-->: milliseconds since 1970, UTC.
    public const string FeedPublishedAt = "2022-01-12T12:15:02+00:00";

    // A phrase from the middle of a sentence of the second section ("普京正用天然气交易考验北约的团结程度"); no other seed of
    // the shared real corpus has it (grep).
    public const string ChinesePhrase = "天然气交易考验";

    public const string UrlStart = "https://www.rfi.fr/cn/%E4%B8%93%E6%A0%8F%E6%A3%80%E7%B4%A2/";

    // Paragraphs of the body, counted in the file: 5 before the first heading, 4 before the second, 12 after it.
    public const int ParagraphCount = 21;
}
