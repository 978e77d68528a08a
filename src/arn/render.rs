//! Rendering ARN templates into concrete ARNs and policy patterns.

use super::error::ArnError;
use super::location::{Location, Scope};
use super::names::NameRule;
use crate::model::{ArnTemplate, Segment, TemplateKind};

impl ArnTemplate {
    /// Renders the template for `location`, with one value per variable.
    ///
    /// `values` pairs each variable's IAM name (`TrainingJobName`, see
    /// [`ArnTemplate::variables`]) with [`Scope::Exact`] of a name or with
    /// [`Scope::Any`], which renders that segment as `*`. Every value must
    /// follow SageMaker's naming rule for the variable, so no value can add a
    /// wildcard, a path segment, a field or a policy variable. SageMaker
    /// writes endpoint names in lower case inside ARNs, so an `EndpointName`
    /// is rendered in lower case, as IAM receives it.
    ///
    /// IAM lets a `*` match `/` too, but SageMaker names contain no `/`, so a
    /// `Scope::Any` segment covers exactly the names that segment can hold.
    ///
    /// The template `*` renders as `*` and takes no location. The
    /// account-wide template renders as `arn:PARTITION:sagemaker:REGION:ACCOUNT:*`.
    ///
    /// # Errors
    ///
    /// - [`ArnError::InvalidValue`] naming the variable, the value and the rule.
    /// - [`ArnError::MissingValue`] for a variable without a value.
    /// - [`ArnError::UnknownVariable`] for a value of a variable the template lacks.
    /// - [`ArnError::DuplicateValue`] for two values of one variable.
    ///
    /// ```
    /// use sagemaker_permissions::{Location, Scope};
    ///
    /// let template = sagemaker_permissions::operation("DescribeTrainingJob").unwrap().resources()[0];
    /// let location = Location::new(
    ///     Scope::Exact("eu-west-1".parse().unwrap()),
    ///     Scope::Exact("111122223333".parse().unwrap()),
    /// );
    /// assert_eq!(
    ///     template.render(&location, &[("TrainingJobName", Scope::Exact("my-job"))]).unwrap(),
    ///     "arn:aws:sagemaker:eu-west-1:111122223333:training-job/my-job"
    /// );
    /// // Every training job in the account, chosen explicitly.
    /// assert_eq!(
    ///     template.render(&location, &[("TrainingJobName", Scope::Any)]).unwrap(),
    ///     "arn:aws:sagemaker:eu-west-1:111122223333:training-job/*"
    /// );
    /// // A `*` inside a value is rejected, never rendered.
    /// assert_eq!(
    ///     template.render(&location, &[("TrainingJobName", Scope::Exact("*"))]).unwrap_err().to_string(),
    ///     "invalid value `*` for TrainingJobName: must not contain `*` or `?`, which IAM reads as wildcards; pass Scope::Any to match every name"
    /// );
    /// ```
    pub fn render(
        &self,
        location: &Location,
        values: &[(&str, Scope<&str>)],
    ) -> Result<String, ArnError> {
        self.check_value_names(values)?;

        let resource_type = match self.kind {
            TemplateKind::Any => return Ok("*".to_owned()),
            TemplateKind::AccountWide => None,
            TemplateKind::Resource(resource_type) => Some(resource_type),
        };

        let mut arn = String::with_capacity(self.iam_form.len() + 32);
        arn.push_str("arn:");
        arn.push_str(location.partition().as_str());
        arn.push_str(":sagemaker:");
        match location.region() {
            Scope::Exact(region) => arn.push_str(region.as_str()),
            Scope::Any => arn.push('*'),
        }
        arn.push(':');
        match location.account() {
            Scope::Exact(account) => arn.push_str(account.as_str()),
            Scope::Any => arn.push('*'),
        }
        arn.push(':');
        let Some(resource_type) = resource_type else {
            arn.push('*');
            return Ok(arn);
        };

        arn.push_str(resource_type.as_str());
        for segment in self.segments {
            arn.push('/');
            match segment {
                Segment::Literal(text) => arn.push_str(text),
                Segment::Wildcard => arn.push('*'),
                Segment::Variable(variable) => {
                    let value = values
                        .iter()
                        .find(|(name, _)| *name == variable.name)
                        .map(|&(_, value)| value)
                        .ok_or(ArnError::MissingValue {
                            variable: variable.name,
                            template: self.iam_form,
                        })?;
                    push_value(&mut arn, variable.name, value)?;
                }
            }
        }
        Ok(arn)
    }

    /// Starts an [`ArnBuilder`] for the template in `location`.
    ///
    /// ```
    /// use sagemaker_permissions::{Location, Scope};
    ///
    /// let template = sagemaker_permissions::operation("DescribeImageVersion").unwrap().resources()[0];
    /// let location = Location::new(Scope::Exact("us-east-1".parse().unwrap()), Scope::Any);
    /// let arn = template.builder(&location).exact("ImageName", "my-image").any("Version").build().unwrap();
    /// assert_eq!(arn, "arn:aws:sagemaker:us-east-1:*:image-version/my-image/*");
    /// ```
    pub fn builder<'a>(&self, location: &'a Location) -> ArnBuilder<'a> {
        ArnBuilder {
            template: *self,
            location,
            values: [("", Scope::Any); BUILDER_VALUES],
            count: 0,
            overflow: None,
        }
    }

    /// Rejects values for variables the template lacks, and duplicates.
    fn check_value_names(&self, values: &[(&str, Scope<&str>)]) -> Result<(), ArnError> {
        for (index, &(name, _)) in values.iter().enumerate() {
            let Some(variable) = self.variables().find(|variable| variable.name == name) else {
                let names: Vec<String> = self
                    .variables()
                    .map(|variable| format!("`{}`", variable.name))
                    .collect();
                let expected = if names.is_empty() {
                    "no variables".to_owned()
                } else {
                    names.join(" or ")
                };
                return Err(ArnError::UnknownVariable {
                    variable: name.to_owned(),
                    template: self.iam_form,
                    expected,
                });
            };
            if values[..index].iter().any(|&(earlier, _)| earlier == name) {
                return Err(ArnError::DuplicateValue {
                    variable: variable.name,
                });
            }
        }
        Ok(())
    }
}

/// Appends one validated value, or `*` for [`Scope::Any`].
fn push_value(
    arn: &mut String,
    variable: &'static str,
    value: Scope<&str>,
) -> Result<(), ArnError> {
    let Scope::Exact(value) = value else {
        arn.push('*');
        return Ok(());
    };
    let rule = NameRule::of(variable)
        .expect("every catalog variable has a naming rule; a unit test checks this");
    if let Some(broken) = rule.check(value) {
        return Err(ArnError::InvalidValue {
            variable,
            value: value.to_owned(),
            rule: broken,
        });
    }
    if rule.lower_case_in_arn() {
        for c in value.chars() {
            arn.push(c.to_ascii_lowercase());
        }
    } else {
        arn.push_str(value);
    }
    Ok(())
}

/// The number of values an [`ArnBuilder`] stores: one more than any template
/// has variables (IAM's `hub-content` template has three), so one extra
/// value still reaches `render`'s check. A unit test checks the bound.
pub(crate) const BUILDER_VALUES: usize = 4;

/// A builder that collects one value per variable and then renders the
/// template, with the same checks as [`ArnTemplate::render`].
///
/// [`exact`](Self::exact) sets a name and [`any`](Self::any) sets the
/// explicit wildcard, so a wildcard is never a string value.
#[derive(Debug, Clone)]
pub struct ArnBuilder<'a> {
    template: ArnTemplate,
    location: &'a Location,
    values: [(&'a str, Scope<&'a str>); BUILDER_VALUES],
    count: usize,
    /// The first variable that did not fit in `values`.
    overflow: Option<&'a str>,
}

impl<'a> ArnBuilder<'a> {
    /// Sets the variable `variable` (IAM's name, such as `TrainingJobName`) to `name`.
    pub fn exact(self, variable: &'a str, name: &'a str) -> Self {
        self.push(variable, Scope::Exact(name))
    }

    /// Sets the variable `variable` to the wildcard, rendered as `*`.
    pub fn any(self, variable: &'a str) -> Self {
        self.push(variable, Scope::Any)
    }

    fn push(mut self, variable: &'a str, value: Scope<&'a str>) -> Self {
        match self.values.get_mut(self.count) {
            Some(slot) => {
                *slot = (variable, value);
                self.count += 1;
            }
            None => {
                self.overflow.get_or_insert(variable);
            }
        }
        self
    }

    /// Renders the template.
    ///
    /// # Errors
    ///
    /// The errors of [`ArnTemplate::render`].
    pub fn build(self) -> Result<String, ArnError> {
        let values = &self.values[..self.count];
        self.template.check_value_names(values)?;
        if let Some(variable) = self.overflow {
            // Unreachable for catalog templates: BUILDER_VALUES stored values
            // for fewer variables always fail the check above.
            self.template.check_value_names(&[(variable, Scope::Any)])?;
            return Err(ArnError::DuplicateValue {
                variable: self
                    .template
                    .variables()
                    .find(|known| known.name == variable)
                    .map_or("", |known| known.name),
            });
        }
        self.template.render(self.location, values)
    }
}
