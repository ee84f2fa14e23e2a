using Collaboration.Api.Features;
using Collaboration.Api.Hosting;
using Collaboration.Silo.Storage.Sqlite;

// Settings files ship beside the binary, so the working directory only decides where ./data is.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddCollaboration();

var app = builder.Build();
app.UseCollaboration();
app.MapCollaborationApis();
try
{
    app.Run();
}
catch (DataFolderInUseException exception)
{
    // Not a crash: the operator started a second server on a folder that has one. Say so, without a stack trace.
    Console.Error.WriteLine(exception.Message);
    return 1;
}

return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
