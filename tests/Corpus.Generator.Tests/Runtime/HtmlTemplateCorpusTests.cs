extern alias CorpusRuntime;

using System.Globalization;
using System.Linq;
using Corpus.Generator.Emitting;
using Corpus.Generator.Tests.RealCorpus;
using Xunit.Abstractions;
using RecordReader = CorpusRuntime::ArticleStore.RecordReader;

namespace Corpus.Generator.Tests.Runtime;

/// <summary>
/// The HTML of every article of the shared corpus, stored as a template over its text (<see cref="HtmlTemplate"/>),
/// comes back exactly from the compiled runtime's reader; and the template leaves out the words the text holds.
/// </summary>
public sealed class HtmlTemplateCorpusTests(ITestOutputHelper output)
{
    [SharedCorpusFact]
    public void Every_articles_HTML_comes_back_from_its_template_and_the_templates_leave_out_the_words_of_the_text()
    {
        long html = 0, templates = 0, text = 0;
        var articles = 0;
        foreach (var file in SharedCorpus.Files(Repository.SharedCorpus!))
        {
            if (SharedCorpus.Read(file.Path).Article is not { } article)
            {
                continue;
            }

            var record = RecordEncoder.Encode(article);
            Assert.Equal(RecordEncoder.WellFormed(article.Html), RecordReader.ReadHtml(record.Html, 0, record.Html.Length, record.Text));
            html += article.Html.Length;
            templates += record.Html.Length;
            text += record.Text.Length;
            articles++;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{articles} articles: HTML {html:N0} characters, templates {templates:N0} ({(double)templates / html:P1}), texts {text:N0}"));
        Assert.True(articles > 1000, articles.ToString(CultureInfo.InvariantCulture));

        // The words of an article's HTML are its text (the rest is markup): at least three quarters of them must have
        // become references (a reference is a few characters, not none).
        Assert.True(templates < html - (text * 3 / 4), $"templates {templates} of HTML {html}, texts {text}");
    }
}
