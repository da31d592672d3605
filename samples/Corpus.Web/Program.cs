using System.Text.Encodings.Web;
using System.Text.Unicode;
using Corpus.Web.Api;
using Corpus.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.WebEncoders;

// The corpus is data compiled into this assembly (Articles, generated from the seeds): nothing is read or parsed here.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorPages();
// Pages write Chinese as characters, not as &#x...; entities; < > & " ' are still encoded.
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
// The site keeps no state (no forms that post, no cookies): in-memory keys, so running it writes nothing to disk.
builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();

var app = builder.Build();
app.UseFirstResponseReport();
app.UseSiteHeaders();
// An unknown article or page renders the site's 404 page, keeping the 404 status.
app.UseStatusCodePagesWithReExecute("/not-found");
app.MapStylesheet();
app.MapArticleApi();
app.MapRazorPages();
app.Run();
