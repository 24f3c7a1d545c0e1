from django.db import models


class Issue(models.Model):
    title = models.CharField(max_length=100)

    class Meta:
        app_label = "newsletter"

    def __str__(self):
        return self.title
