using System;
using System.Collections.Generic;

namespace Corpus.Web.Catalog;

/// <summary>One page of a list: its items, its 1-based number, and how many items and pages the whole list has.</summary>
public sealed record ArticlePage<T>(IReadOnlyList<T> Items, int Number, int Size, int TotalItems)
{
    public int TotalPages => TotalItems == 0 ? 1 : (TotalItems + Size - 1) / Size;

    public bool HasPrevious => Number > 1;

    public bool HasNext => Number < TotalPages;

    public static ArticlePage<T> Of(IReadOnlyList<T> all, int number, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var start = (long)(number - 1) * size;
        var items = new List<T>();
        for (var i = start; i < all.Count && i < start + size; i++)
        {
            items.Add(all[(int)i]);
        }

        return new ArticlePage<T>(items, number, size, all.Count);
    }
}
