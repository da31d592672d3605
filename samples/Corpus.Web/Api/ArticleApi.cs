using System;
using System.Linq;
using Corpus.Web.Catalog;
using Corpus.Web.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Corpus.Web.Api;

/// <summary>The JSON API: <c>/api/articles</c>, <c>/api/articles/{id}</c>, <c>/api/search</c> (query, filters, order, page).</summary>
public static class ArticleApi
{
    public static IEndpointRouteBuilder MapArticleApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        api.MapGet("/articles", List);
        api.MapGet("/articles/{id}", Get);
        api.MapGet("/search", Find);
        return endpoints;
    }

    private static Results<JsonHttpResult<ArticleListPage>, JsonHttpResult<ApiError>> List(
        string? outlet, string? language, string? tag, int? page, int? pageSize)
    {
        var size = pageSize ?? ArticleCatalog.PageSize;
        if (size is < 1 or > ArticleCatalog.MaxPageSize || page < 1)
        {
            return Error(StatusCodes.Status400BadRequest, $"page must be 1 or more and pageSize 1 to {ArticleCatalog.MaxPageSize}.");
        }

        var found = ArticleCatalog.Page(ArticleFilter.From(outlet, language, tag), page ?? 1, size);
        if (found is null)
        {
            return Error(StatusCodes.Status404NotFound, "No such page.");
        }

        var body = new ArticleListPage(found.Number, found.Size, found.TotalItems, found.TotalPages, found.Items.Select(ArticleListItem.From).ToArray());
        return TypedResults.Json(body, WebJsonContext.Api.ArticleListPage);
    }

    private static Results<JsonHttpResult<ArticleDocument>, JsonHttpResult<ApiError>> Get(string id) =>
        Articles.FindById(id) is { } article
            ? TypedResults.Json(ArticleDocument.From(article), WebJsonContext.Api.ArticleDocument)
            : Error(StatusCodes.Status404NotFound, "No article has this id.");

    private static Results<JsonHttpResult<SearchResponse>, JsonHttpResult<ApiError>> Find(
        string? q, string? outlet, string? language, string? year, string? sort, int? page, int? pageSize)
    {
        var request = SearchRequest.From(q, outlet, language, year, sort, page ?? 1, pageSize ?? SearchRequest.DefaultPageSize);
        if (!request.IsValidPage)
        {
            return Error(StatusCodes.Status400BadRequest, $"page must be 1 or more and pageSize 1 to {SearchRequest.MaxPageSize}.");
        }

        // Any query is answered (empty, punctuation, NUL, 5,000 characters): the search cuts and ignores what it cannot use.
        var results = Articles.Search(request.Query, request.Options());
        return TypedResults.Json(SearchResponse.From(request, results), WebJsonContext.Api.SearchResponse);
    }

    private static JsonHttpResult<ApiError> Error(int status, string message) =>
        TypedResults.Json(new ApiError(status, message), WebJsonContext.Api.ApiError, statusCode: status);
}
